package cli

import (
	"runtime"
	"testing"
)

func TestReadBuildInfo(t *testing.T) {
	b := readBuildInfo()
	if b.version == "" || b.commit == "" || b.goVersion != runtime.Version() {
		t.Errorf("readBuildInfo() = %+v", b)
	}
	buildVersion, buildCommit = "v9.9.9", "abcdef"
	defer func() { buildVersion, buildCommit = "", "" }()
	if b := readBuildInfo(); b.version != "v9.9.9" || b.commit != "abcdef" || version() != "v9.9.9" {
		t.Errorf("ldflags values not used: %+v", b)
	}
}
