/** Publishing the output: link checking, URL and fixity ledgers, redirects, headers and the atomic writer. */
package org.evidencearchive.publish;
