<#ftl output_format="HTML" strip_whitespace=true>
<#-- The versions and corrections of an archived text, on its source page (one line in source.ftl includes it). -->
<#if versions??>
<#assign v = versions>
<#if v.corrections?has_content>
<section class="versions" aria-labelledby="versions-heading">
  <h2 id="versions-heading">Versions</h2>
  <details class="corrections" id="corrections">
    <summary>Corrected ${v.corrections?size} time<#if v.corrections?size != 1>s</#if> since it was archived on <time datetime="${v.first.day}">${v.first.date}</time>; every earlier version is kept</summary>
    <ol>
    <#list v.corrections as c>
      <li id="${c.anchor}">
        <p><time datetime="${c.day}">${c.date}</time>: ${c.what}</p>
        <p>Why: ${c.why}</p>
        <p>Before: <a href="${c.before.url}">version ${c.before.number}</a> (SHA-256 <code class="hash">${c.before.sha256}</code>). After: <a href="${c.after.url}">version ${c.after.number}</a><#if c.after.number == v.current.number> (this text)</#if>.</p>
      </li>
    </#list>
    </ol>
  </details>
  <p>This text is <a href="${v.current.url}">version ${v.current.number}</a>, at a URL that never changes. <a href="${v.timemap}">TimeMap</a> (Memento)</p>
</section>
<#else>
<#-- every byte counts here: a source page stays under 60 kB with its styles and scripts (GraphPagesTest) -->
<p class="versions">As first archived, never corrected · <a href="${v.current.relative}">this wording's permanent URL</a></p>
</#if>
</#if>
