/** The pipeline: its stages in order (parse, link, check, plan, render, verify, index, publish), a full build, a live build for serve, and the project's folders. */
package org.evidencearchive.pipeline;
