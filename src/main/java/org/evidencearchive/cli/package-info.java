/** The command line: argument handling only; each command calls the pipeline. */
package org.evidencearchive.cli;
