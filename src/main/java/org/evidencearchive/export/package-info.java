/** Machine-readable exports of the archive (JSON, JSON-LD, CSL-JSON), all written by one JSON writer. */
package org.evidencearchive.export;
