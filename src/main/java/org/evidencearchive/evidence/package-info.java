/** Evidence checks: each figure against its quotes (number, qualifier, period) and each role against its cited paragraph. */
package org.evidencearchive.evidence;
