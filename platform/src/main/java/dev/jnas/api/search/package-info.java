/**
 * What a search strategy works with: {@link dev.jnas.api.search.SearchContext},
 * {@link dev.jnas.api.search.Supernet}, {@link dev.jnas.api.search.BilevelProblem}, settings,
 * progress reports and results.
 */
package dev.jnas.api.search;
