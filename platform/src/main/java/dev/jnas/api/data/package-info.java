/** Data as a search sees it: {@link dev.jnas.api.data.SearchData}, splits and batches. */
package dev.jnas.api.data;
