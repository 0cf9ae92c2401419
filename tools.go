//go:build tools

// Package tools pins the code generator in go.mod, so that `go run` in
// generate.go always uses the oapi-codegen version recorded there.
package tools

import (
	_ "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen"
)
