/** The pipeline's wiring: a full build, a live build for serve, and the project's folders. */
package org.evidencearchive.build;
