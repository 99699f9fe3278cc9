/** Reading content/: one record per item kind, parsed from front matter with each field's line. */
package org.evidencearchive.content;
