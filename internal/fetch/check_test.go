package fetch

import (
	"strings"
	"testing"
)

func TestCheckAccepts(t *testing.T) {
	for _, doc := range []string{
		goodJSON,
		goodYAML,
		"openapi: 3.0.3\npaths:\n  /a: {}\n",
		`{"openapi": "3.1.0", "paths": {"/a": {}}}`,
		"base: &p\n  /a: {}\nopenapi: 3.1.0\npaths: *p\n", // paths through an alias
	} {
		if err := Check([]byte(doc)); err != nil {
			t.Errorf("Check(%.40q) = %v", doc, err)
		}
	}
}

func TestCheckRejects(t *testing.T) {
	for _, tc := range []struct {
		name, doc, want string
	}{
		{"swagger", `{"swagger": "2.0", "paths": {"/a": {}}}`, `Swagger "2.0"`},
		{"no version", `{"info": {}, "paths": {"/a": {}}}`, `no top-level "openapi"`},
		{"version 2", `{"openapi": "2.0", "paths": {"/a": {}}}`, `OpenAPI "2.0", not OpenAPI 3.x`},
		{"version 4", "openapi: 4.0.0\npaths: {/a: {}}\n", `OpenAPI "4.0.0"`},
		{"numeric version", "openapi: 3.1\npaths: {/a: {}}\n", `"openapi" field is the number 3.1, not a version string`},
		{"numeric JSON version", `{"openapi": 3.1, "paths": {"/a": {}}}`, "the number 3.1"},
		{"version mapping", `{"openapi": {"v": "3.1.0"}, "paths": {"/a": {}}}`, `"openapi" field is a mapping`},
		{"no paths", `{"openapi": "3.1.0", "webhooks": {}}`, `no "paths"`},
		{"null paths", "openapi: 3.1.0\npaths:\n", `"paths" is null`},
		{"list paths", `{"openapi": "3.1.0", "paths": ["/a"]}`, `"paths" is a list`},
		{"empty paths", `{"openapi": "3.1.0", "paths": {}}`, `"paths" is empty`},
		{"scalar document", `"openapi"`, `top level is the string "openapi"`},
		{"list document", "- openapi\n", "top level is a list"},
		{"empty", "", "empty"},
		{"comment only", "# nothing\n", "empty"},
		{"truncated", goodJSON[:200], "truncated"},
		{"duplicate path", `{"openapi": "3.1.0", "paths": {"/a": {}, "/a": {}}}`, `the key "/a" twice in the mapping at /paths`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Check([]byte(tc.doc))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Check = %v, want an error mentioning %q", err, tc.want)
			}
			if strings.ContainsAny(err.Error(), "\n") {
				t.Errorf("error spans several lines: %q", err)
			}
		})
	}
}
