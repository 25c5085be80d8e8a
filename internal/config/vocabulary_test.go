package config

import (
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// TestSchemaRegionsAreManifestRegions ties the editor schema of the
// configuration file to manifest.Regions, which the configuration is
// checked against: an editor offers exactly the regions manifestlint takes.
func TestSchemaRegionsAreManifestRegions(t *testing.T) {
	src, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Definitions struct {
			Region struct {
				Enum []string `json:"enum"`
			} `json:"region"`
		} `json:"definitions"`
	}
	if err := json.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Definitions.Region.Enum; !slices.Equal(got, manifest.Regions) {
		t.Errorf("config/schema.json regions = %v, manifest.Regions = %v", got, manifest.Regions)
	}
}

// TestSchemaKeysAndValuesAreTheParsers ties the rest of the editor schema
// to the parser: its keys, in order, are the keys Load reads (fields), the
// severity levels are Level's, and the job types ParseJobType's.
func TestSchemaKeysAndValuesAreTheParsers(t *testing.T) {
	src, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node // JSON is YAML; the node keeps the key order
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	var props *yaml.Node
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "properties" {
			props = root.Content[i+1]
		}
	}
	if props == nil {
		t.Fatal("schema.json has no properties")
	}
	var keys, parsed []string
	enums := map[string][]string{}
	for i := 0; i+1 < len(props.Content); i += 2 {
		keys = append(keys, props.Content[i].Value)
		var prop struct {
			AdditionalProperties struct {
				Enum []string `yaml:"enum"`
			} `yaml:"additionalProperties"`
		}
		if err := props.Content[i+1].Decode(&prop); err == nil {
			enums[props.Content[i].Value] = prop.AdditionalProperties.Enum
		}
	}
	for _, f := range fields {
		parsed = append(parsed, f.key)
	}
	if !slices.Equal(keys, parsed) {
		t.Errorf("config/schema.json keys = %v, Load reads %v", keys, parsed)
	}
	if got, want := enums["severity"], []string{string(LevelError), string(LevelWarning), string(LevelOff)}; !slices.Equal(got, want) {
		t.Errorf("config/schema.json severity levels = %v, Level has %v", got, want)
	}
	if got := enums["jobTypes"]; len(got) != 2 {
		t.Errorf("config/schema.json job types = %v, want import and export", got)
	}
	for _, jt := range enums["jobTypes"] {
		if _, ok := manifest.ParseJobType(jt); !ok {
			t.Errorf("config/schema.json job type %q is not one ParseJobType reads", jt)
		}
	}
}
