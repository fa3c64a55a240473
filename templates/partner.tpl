{{%AUTOESCAPE context="HTML"}}<h1>{{NAME}}</h1>
<dl class="facts">
{{#SHORT}}<dt>{{LABEL}}</dt><dd>{{TEXT}}</dd>
{{/SHORT}}{{#COUNTRY}}<dt>{{LABEL}}</dt><dd>{{TEXT}}</dd>
{{/COUNTRY}}</dl>
{{ACTIVITIES:none}}
{{TABLES:none}}
