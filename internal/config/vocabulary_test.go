package config

import (
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
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
