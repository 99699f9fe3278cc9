/** The preview server: serves the site, rebuilds on edits and reloads open pages. */
package org.evidencearchive.serve;
