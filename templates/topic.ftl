<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<#assign t = topic>
<#-- A passage link: the source's letter and paragraph (the list of sources below gives each letter), its title for screen readers and on paper. -->
<#macro passage p><#if p??><a class="passage" href="${p.href}"><span class="passage-key" aria-hidden="true">${p.key} ¶${p.paragraph}</span><span class="visually-hidden">${p.sourceTitle}, paragraph ${p.paragraph}</span></a></#if></#macro>
<#macro by links><#if links?has_content><span class="said-by"><#list links as b><a href="${b.url}">${b.title}</a><#sep>, </#list></span></#if></#macro>
<@l.layout>
<article class="topic brief">
  <header>
    <p class="kind">Topic</p>
    <h1>${t.title}</h1>
    <p class="in-short"><strong>In short:</strong> ${t.summary}</p>
    <nav class="on-this-page" aria-label="On this page">
      <ul>
        <li><a href="#figures-heading">Key figures</a></li>
        <li><a href="#who-heading">Who says what</a></li>
        <#if t.events?has_content || t.undated?has_content><li><a href="#when-heading">What happened when</a></li></#if>
        <li><a href="#sources-heading">Sources</a></li>
        <#if t.commentary?has_content><li><a href="#commentary-heading">Commentary</a></li></#if>
        <li><a href="${t.claimsUrl}">All ${t.claimCount} claims</a></li>
      </ul>
    </nav>
  </header>
  <#if t.introHtml??><div class="prose intro">${t.introHtml?no_esc}</div></#if>

  <section class="key-figures" aria-labelledby="figures-heading">
    <h2 id="figures-heading">Key figures</h2>
    <#if t.figures?has_content>
    <ul class="figure-cards">
    <#list t.figures as f>
      <li class="figure-card">
        <p class="figure-value"><a href="${f.url}">${f.value} <span class="unit">${f.unit}</span></a></p>
        <p class="figure-measure">${f.measure}</p>
        <dl>
          <#if f.period??><dt>Period</dt><dd>${f.period}</dd></#if>
          <#if f.place??><dt>Place</dt><dd>${f.place}</dd></#if>
          <#if f.by?has_content><dt>Given by</dt><dd><@by f.by/></dd></#if>
          <dt>Source</dt><dd><@passage f.passage/></dd>
        </dl>
      </li>
    </#list>
    </ul>
    <#else>
    <p class="none">No claim on this topic reports a figure.<#if t.figureTopics?has_content> Related topics with figures: <#list t.figureTopics as r><a href="${r.url}">${r.title}</a><#sep>, </#list>; every figure is on the <a href="/figures/">figures page</a>.</#if></p>
    </#if>
  </section>

  <section class="who-says" aria-labelledby="who-heading">
    <h2 id="who-heading">Who says what</h2>
    <#if t.actors?has_content>
    <p class="meta">Positions on this topic, by who said or wrote the cited words; roles as the sources give them.</p>
    <ul class="actor-cards">
    <#list t.actors as a>
      <li class="actor-card">
        <h3><a href="${a.url}">${a.name}</a></h3>
        <p class="actor-role"><span class="kind-tag">${a.kindLabel}</span><#if a.role??> ${a.role} <@passage a.rolePassage/></#if></p>
        <ul class="statements">
        <#list a.positions as s><li><a href="${s.url}">${s.text}</a> <@passage s.passage/></li></#list>
        </ul>
      </li>
    </#list>
    </ul>
    <#else>
    <p class="none">No claim on this topic records an actor's position.</p>
    </#if>
    <#if t.pairs?has_content>
    <h3 class="subhead">Side by side: answers and contrasts</h3>
    <p class="meta">Pairs of claims that the archive links as a response, a dispute or a contrast; neither is endorsed.</p>
    <ul class="pairs">
    <#list t.pairs as p>
      <li class="pair">
        <div class="pair-side"><p class="pair-by"><@by p.firstBy/></p><p><a href="${p.first.url}">${p.first.text}</a> <@passage p.first.passage/></p></div>
        <p class="pair-relation">${p.relation}</p>
        <div class="pair-side"><p class="pair-by"><@by p.secondBy/></p><p><a href="${p.second.url}">${p.second.text}</a> <@passage p.second.passage/></p></div>
      </li>
    </#list>
    </ul>
    </#if>
    <#if t.reports?has_content>
    <h3 class="subhead">What the reports themselves say</h3>
    <p class="meta">The outlets' own accounts and framing, attributed to the report, not to the people it describes.</p>
    <ul class="statements">
    <#list t.reports as s><li><a href="${s.url}">${s.text}</a> <@passage s.passage/></li></#list>
    </ul>
    </#if>
  </section>

  <#if t.events?has_content || t.undated?has_content>
  <section aria-labelledby="when-heading">
    <h2 id="when-heading">What happened when</h2>
    <#if t.events?has_content>
    <ol class="brief-timeline">
    <#list t.events as e><li><time datetime="${e.datetime}">${e.dateText}</time> <span><a href="${e.claim.url}">${e.claim.text}</a> <@passage e.claim.passage/></span></li></#list>
    </ol>
    </#if>
    <#if t.undated?has_content>
    <h3 class="subhead">Not dated by the sources</h3>
    <ul class="statements">
    <#list t.undated as e><li><a href="${e.claim.url}">${e.claim.text}</a> <@passage e.claim.passage/><#if e.reportedIn??><br><span class="meta">Reported in ${e.reportedIn}</span></#if></li></#list>
    </ul>
    </#if>
  </section>
  </#if>

  <#if t.others?has_content>
  <section aria-labelledby="facts-heading">
    <h2 id="facts-heading">Other claims</h2>
    <ul class="statements">
    <#list t.others as s><li><a href="${s.url}">${s.text}</a> <@passage s.passage/></li></#list>
    </ul>
  </section>
  </#if>

  <section aria-labelledby="sources-heading">
    <h2 id="sources-heading">Sources</h2>
    <ol class="source-keys">
    <#list t.sources as s><li<#if s.alsoCited> class="also-cited"</#if>><span class="passage-key">${s.key}</span> <a href="${s.url}" data-url="${site.baseUrl}${s.url}">${s.title}</a> <span class="meta">(${s.date}<#if s.alsoCited>; cited by a claim on this topic, filed under other topics</#if>)</span></li></#list>
    </ol>
  </section>

  <section aria-labelledby="commentary-heading">
    <h2 id="commentary-heading">Commentary</h2>
    <#if t.commentary?has_content>
    <ul class="links"><#list t.commentary as c><li><a href="${c.url}">${c.title}</a><br><span class="meta">${c.summary}</span></li></#list></ul>
    <#else><p class="none">None yet.</p></#if>
  </section>

  <p class="all-claims"><a href="${t.claimsUrl}">All ${t.claimCount} claims on this topic, by kind</a></p>
  <#if t.related?has_content><section aria-labelledby="related-heading"><h2 id="related-heading">Related topics</h2><@l.links items=t.related/></section></#if>
  <@l.cited list=t.cited/>
</article>
</@l.layout>
