/** Page models and their templates: the site plan and what each page shows. */
package org.evidencearchive.render;
