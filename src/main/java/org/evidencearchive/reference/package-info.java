/** "Cite this": references in the citation styles and download formats librarians use. */
package org.evidencearchive.reference;
