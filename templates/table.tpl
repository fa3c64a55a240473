{{%AUTOESCAPE context="HTML"}}<div class="table" id="{{ID}}">
<table>
<caption>{{CAPTION}}</caption>
<thead><tr>{{#HEAD}}<th scope="col"{{#NUM}} class="num"{{/NUM}}>{{LABEL}}</th>{{/HEAD}}</tr></thead>
<tbody>
{{#ROW}}<tr{{#SUB}} class="change"{{/SUB}}><th scope="row">{{#LINK}}<a href="{{HREF}}">{{NAME}}</a>{{/LINK}}{{#PLAIN}}{{NAME}}{{/PLAIN}}</th>{{#CELL}}<td{{#NUM}} class="num"{{/NUM}}>{{#CELL_LINK}}<a href="{{HREF}}">{{VALUE}}</a>{{/CELL_LINK}}{{#CELL_PLAIN}}{{VALUE}}{{/CELL_PLAIN}}</td>{{/CELL}}</tr>
{{/ROW}}</tbody>
{{#TOTAL}}<tfoot><tr><th scope="row">{{NAME}}</th>{{#CELL}}<td class="num">{{VALUE}}</td>{{/CELL}}</tr></tfoot>
{{/TOTAL}}</table>
{{CHART:none}}</div>
