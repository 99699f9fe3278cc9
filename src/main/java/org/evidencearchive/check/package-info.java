/** Diagnostics: every problem as file:line:column, message and hint, with did-you-mean suggestions. */
package org.evidencearchive.check;
