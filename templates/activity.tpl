{{%AUTOESCAPE context="HTML"}}<article class="activity">
<h1>{{TITLE}}</h1>
<dl class="facts">
<dt>{{DATE_LABEL}}</dt><dd><time datetime="{{DATETIME}}">{{DATE}}</time></dd>
<dt>{{FRAMEWORK_LABEL}}</dt><dd><a href="{{FRAMEWORK_HREF}}">{{FRAMEWORK}}</a></dd>
<dt>{{KIND_LABEL}}</dt><dd>{{KIND}}</dd>
{{#PARTNERS}}<dt>{{LABEL}}</dt><dd>{{#PARTNER}}{{#SEP}}, {{/SEP}}<a href="{{HREF}}">{{NAME}}</a>{{/PARTNER}}</dd>
{{/PARTNERS}}{{#PLACE}}<dt>{{LABEL}}</dt><dd>{{TEXT}}</dd>
{{/PLACE}}{{#COUNT}}<dt>{{LABEL}}</dt><dd>{{TEXT}}</dd>
{{/COUNT}}</dl>
{{#SUMMARY}}<p class="summary">{{TEXT}}</p>
{{/SUMMARY}}{{BODY:none}}
</article>
