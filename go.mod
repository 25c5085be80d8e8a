module github.com/manifestlint/manifestlint

go 1.24.0

require (
	github.com/spf13/pflag v1.1.0
	go.yaml.in/yaml/v3 v3.0.6
)
