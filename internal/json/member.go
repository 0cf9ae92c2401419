package json

import (
	"strings"
	"unicode/utf8"
)

// StringMember returns the string value of the member called name in the
// JSON object data without decoding the object: it is how gen's unions read
// their discriminator (attribute_type, ...) before choosing a variant,
// which a full Unmarshal into a one-field struct does about ten times more
// slowly. A missing member reads as "", and a name that appears more than
// once keeps its last value, both as with Unmarshal.
//
// ok is false when StringMember cannot tell the value exactly as Unmarshal
// would (data is not an object; a name has escapes or matches name only
// when case is ignored; the value is not a plain string, or has escapes or
// invalid UTF-8): the caller then decodes data with Unmarshal. data must be
// valid JSON, as the input of an UnmarshalJSON method is; StringMember
// checks its structure, not every byte.
func StringMember(data []byte, name string) (value string, ok bool) {
	i := skipSpace(data, 0)
	if i == len(data) || data[i] != '{' {
		return "", false
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return "", true
	}
	for i < len(data) && data[i] == '"' {
		keyEnd, plain := scanString(data, i)
		if keyEnd < 0 || !plain {
			return "", false
		}
		key := data[i+1 : keyEnd-1]
		i = skipSpace(data, keyEnd)
		if i == len(data) || data[i] != ':' {
			return "", false
		}
		i = skipSpace(data, i+1)
		switch {
		case string(key) == name:
			end, plain := scanString(data, i)
			if end < 0 || !plain {
				return "", false
			}
			value, i = string(data[i+1:end-1]), end
			if !utf8.ValidString(value) {
				return "", false
			}
		case strings.EqualFold(string(key), name):
			return "", false
		default:
			if i = skipValue(data, i); i < 0 {
				return "", false
			}
		}
		i = skipSpace(data, i)
		if i == len(data) {
			return "", false
		}
		switch data[i] {
		case '}':
			return value, true
		case ',':
			i = skipSpace(data, i+1)
		default:
			return "", false
		}
	}
	return "", false
}

// skipSpace returns the index of the first byte at or after i that is not
// JSON whitespace.
func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// scanString reads the JSON string starting at data[i] and returns the
// index just past its closing quote, or -1 if there is no string there;
// plain reports that it has no escapes.
func scanString(data []byte, i int) (end int, plain bool) {
	if i == len(data) || data[i] != '"' {
		return -1, false
	}
	plain = true
	for i++; i < len(data); i++ {
		switch data[i] {
		case '"':
			return i + 1, plain
		case '\\':
			plain = false
			i++ // the escaped byte cannot end the string
		}
	}
	return -1, false
}

// skipValue returns the index just past the JSON value starting at
// data[i], or -1 if none ends before data does. Strings are skipped whole,
// so that brackets inside them do not count.
func skipValue(data []byte, i int) int {
	if i == len(data) {
		return -1
	}
	switch data[i] {
	case '"':
		end, _ := scanString(data, i)
		return end
	case '{', '[':
		depth := 0
		for i < len(data) {
			switch data[i] {
			case '"':
				end, _ := scanString(data, i)
				if end < 0 {
					return -1
				}
				i = end
				continue
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return -1
	}
	start := i // a number, true, false or null
	for ; i < len(data); i++ {
		switch data[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			if i == start {
				return -1
			}
			return i
		}
	}
	return -1 // in an object, a value is followed by ',' or '}'
}
