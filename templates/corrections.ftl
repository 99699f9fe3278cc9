<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<@l.layout>
<h1>Corrections</h1>
<p>An archived text is never edited silently. When a capture had to be corrected, the correction is recorded with its date, what changed and why, and the text as it was before stays published at its own URL, so that a citation of the earlier wording can still be checked. Each source page lists its versions; the <a href="/feed.xml">feed</a> has an entry for each correction.</p>
<#if corrections?has_content>
<ol class="corrections-list">
<#list corrections as c>
  <li>
    <p><time datetime="${c.day}">${c.date}</time> · <a href="${c.source.url}#${c.anchor}">${c.source.title}</a></p>
    <p>${c.what}</p>
    <p>Why: ${c.why}</p>
    <p>Text before: <a href="${c.before.url}">version ${c.before.number}</a> (SHA-256 <code class="hash">${c.before.sha256}</code>) · after: <a href="${c.after.url}">version ${c.after.number}</a></p>
  </li>
</#list>
</ol>
<#else>
<p class="none">No correction has been recorded: every archived text is exactly as it was first archived.</p>
</#if>
</@l.layout>
