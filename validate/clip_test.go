package validate

import (
	"strings"
	"testing"
)

func TestClipMessage(t *testing.T) {
	long := strings.Repeat("b", 10_000)
	tests := []struct {
		name, msg string
		want      []string
		maxLen    int
	}{
		{"short message unchanged", "bucket is `x`, which is short.", []string{"bucket is `x`, which is short."}, 100},
		{"long quoted value clipped", "Bad. bucket is `" + long + "`, which is too long: use 3 to 63 characters.",
			[]string{"Bad. bucket is `bbbbbbbbbb", "…` (10000 characters), which is too long: use 3 to 63 characters."}, 200},
		{"two quoted values", "`" + long + "` and `" + long + "é` end",
			[]string{"…` (10000 characters) and `", "…` (10001 characters) end"}, 200},
		{"unquoted huge message cut in the middle", "start " + long + " end",
			[]string{"start bbb", " … ", "bbb end"}, hardMax + 10},
		{"unclosed quote", "a `" + long, []string{"a `bbb", " … "}, hardMax + 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clipMessage(tt.msg)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("clipMessage lacks %q: %.300q", w, got)
				}
			}
			if len(got) > tt.maxLen {
				t.Errorf("clipMessage is %d bytes, want at most %d", len(got), tt.maxLen)
			}
		})
	}
}
