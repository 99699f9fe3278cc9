/** The synthetic archive generator and the stock-JBake baseline, for benchmarks. */
package org.evidencearchive.bench;
