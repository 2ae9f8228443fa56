{{- define "rag.fullname" -}}{{ .Release.Name }}-rag{{- end -}}
{{- define "rag.labels" -}}app.kubernetes.io/part-of: rag-assistant{{- end -}}
