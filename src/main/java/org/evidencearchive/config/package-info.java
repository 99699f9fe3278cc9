/** The site's settings (site-config/site.yaml). */
package org.evidencearchive.config;
