/** The archive as a read-only graph: references resolved, citations checked, back-links computed once. */
package org.evidencearchive.graph;
