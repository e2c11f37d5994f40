/** The user-error type every part of jnas throws: {@link dev.jnas.api.error.JnasException}. */
package dev.jnas.api.error;
