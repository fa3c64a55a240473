{{%AUTOESCAPE context="HTML"}}<h1>{{NAME}}</h1>
<dl class="facts">
{{#SHORT}}<dt>{{LABEL}}</dt><dd>{{TEXT}}</dd>
{{/SHORT}}{{#COUNTRY}}<dt>{{LABEL}}</dt><dd>{{TEXT}}</dd>
{{/COUNTRY}}</dl>
{{#DOSSIER}}<p class="more"><a href="{{HREF}}">{{LABEL}}</a></p>
{{/DOSSIER}}{{ACTIVITIES:none}}
{{TABLES:none}}
