<#ftl output_format="HTML" strip_whitespace=true>
<#-- The versions and corrections of an archived text, on its source page (one line in source.ftl includes it). -->
<#if versions??>
<section class="versions" aria-labelledby="versions-heading">
  <h2 id="versions-heading">Versions</h2>
  <#if versions.corrections?has_content>
  <details class="corrections" id="corrections">
    <summary>Corrected ${versions.corrections?size} time<#if versions.corrections?size != 1>s</#if> since it was archived on <time datetime="${versions.first.day}">${versions.first.date}</time>; every earlier version is kept</summary>
    <ol>
    <#list versions.corrections as c>
      <li id="${c.anchor}">
        <p><time datetime="${c.day}">${c.date}</time>: ${c.what}</p>
        <p>Why: ${c.why}</p>
        <p>Before: <a href="${c.before.url}">version ${c.before.number}</a> (SHA-256 <code class="hash">${c.before.sha256}</code>). After: <a href="${c.after.url}">version ${c.after.number}</a><#if c.after.number == versions.current.number> (this text)</#if>.</p>
      </li>
    </#list>
    </ol>
  </details>
  <#else>
  <p>Not corrected since it was archived on <time datetime="${versions.first.day}">${versions.first.date}</time>.</p>
  </#if>
  <p>This text is version ${versions.current.number}, also kept at a URL that never changes, for citing this wording: <a href="${versions.current.url}">${versions.current.url}</a>. Web-archive tools: <a href="${versions.timemap}">TimeMap</a> (Memento), <a href="/data/archive.warc.gz">WARC</a>.</p>
</section>
</#if>
