/** Citations: the inline syntax, quote normalisation and matching a quote to its passage. */
package org.evidencearchive.cite;
