{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<p class="lead">{{LEAD}}</p>
{{TABLE:none}}
