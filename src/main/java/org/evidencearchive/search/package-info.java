/** The search index: Lucene analysis and scoring, exported as static shards for the browser client. */
package org.evidencearchive.search;
