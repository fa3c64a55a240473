{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
{{ACTIVITIES:none}}
