{{%AUTOESCAPE context="HTML"}}<h1>{{NAME}}</h1>
<dl class="facts">
{{#SHORT}}<dt>{{LABEL}}</dt><dd>{{TEXT}}</dd>
{{/SHORT}}{{#COUNTRY}}<dt>{{LABEL}}</dt><dd>{{TEXT}}</dd>
{{/COUNTRY}}<dt>{{YEARS_LABEL}}</dt><dd>{{#YEAR}}{{#SEP}} · {{/SEP}}<a href="{{HREF}}">{{YEAR}}</a>{{/YEAR}}</dd>
</dl>
{{#AGREEMENTS_PART}}<section aria-labelledby="agreements">
<h2 id="agreements">{{TITLE}}</h2>
<p class="meta">{{AS_OF}}</p>
{{TABLE:none}}</section>
{{/AGREEMENTS_PART}}{{#ACTIVITIES_PART}}<section aria-labelledby="activities">
<h2 id="activities">{{TITLE}}</h2>
{{TABLE:none}}{{ACTIVITIES:none}}</section>
{{/ACTIVITIES_PART}}{{#PROJECTS_PART}}<section aria-labelledby="projects">
<h2 id="projects">{{TITLE}}</h2>
{{TABLE:none}}</section>
{{/PROJECTS_PART}}
