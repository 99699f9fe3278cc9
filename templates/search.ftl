<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as l>
<@l.layout>
<h1>Search</h1>
<form data-search-form role="search" action="/search/" method="get">
  <div class="search-row">
    <label for="q">Search sources, commentary, claims and topics</label>
    <input id="q" name="q" type="search" autocomplete="off">
    <button type="submit">Search</button>
  </div>
  <fieldset class="filters">
    <legend>Show only</legend>
    <label><input type="checkbox" name="type" value="source"> Sources</label>
    <label><input type="checkbox" name="type" value="commentary"> Commentary</label>
    <label><input type="checkbox" name="type" value="claim"> Claims</label>
    <label><input type="checkbox" name="type" value="topic"> Topics</label>
    <label><input type="checkbox" name="type" value="person"> People</label>
    <label><input type="checkbox" name="type" value="organisation"> Organisations</label>
    <label><input type="checkbox" name="type" value="measure"> Measures</label>
    <label class="topic-filter">Topic
      <select name="topic">
        <option value="">All topics</option>
        <#list topics as t><option value="${t.url?keep_after("/topics/")?keep_before("/")}">${t.title}</option></#list>
      </select>
    </label>
  </fieldset>
</form>
<details class="search-tips">
  <summary>Search tips</summary>
  <ul>
    <li>Ask a question: <kbd>how many died in Glasgow</kbd>.</li>
    <li>Quotation marks find the exact words: <kbd>"twice a day"</kbd>.</li>
    <li>A minus leaves a word out: <kbd>Glasgow -council</kbd>.</li>
    <li>OR, in capitals, finds either word: <kbd>Thewliss OR Coppinger</kbd>.</li>
    <li>Misspellings, other names for the same thing and numbers as you write them (1100, 1,100, £12k) are found too.</li>
  </ul>
</details>
<p data-search-status aria-live="polite"></p>
<ol class="results" data-search-results data-search-index="/search/"></ol>
<noscript><p>Search needs JavaScript. Everything else works without it: browse the <a href="/topics/">topics</a>, the <a href="/sources/">sources</a> or the <a href="/claims/">claims</a>.</p></noscript>
</@l.layout>
