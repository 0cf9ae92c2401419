package normalize

import "testing"

func TestGoName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"created_by_actor", "CreatedByActor"},
		{"select-option", "SelectOption"},
		{"email address", "EmailAddress"},
		{"workspace_member_id", "WorkspaceMemberId"}, // initialisms are oapi-codegen's job
		{"ID", "ID"},
		{"record", "Record"},
		{"x", "X"},
		{"already-Go", "AlreadyGo"},
		{"SelectOption", "SelectOption"},
		{"__leading__and__trailing__", "LeadingAndTrailing"},
		{"v2.objects", "V2Objects"},
		{"élan", "Élan"},
		{"", ""},
		{"-_ ", ""},
	}
	for _, tt := range tests {
		if got := goName(tt.in); got != tt.want {
			t.Errorf("goName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSingular(t *testing.T) {
	tests := []struct{ in, want string }{
		{"entries", "entry"},
		{"companies", "company"},
		{"values", "value"},
		{"records", "record"},
		{"addresses", "address"},
		{"email_addresses", "email_address"},
		{"boxes", "box"},
		// Not plural: unchanged.
		{"status", "status"},
		{"class", "class"},
		{"analysis", "analysis"},
		{"people", "people"},
		{"data", "data"},
		{"record", "record"},
		// Too short to strip.
		{"is", "is"},
		{"us", "us"},
		{"as", "as"},
		{"s", "s"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := singular(tt.in); got != tt.want {
			t.Errorf("singular(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLastWordSingular(t *testing.T) {
	tests := []struct{ in, want string }{
		{"CallRecordings", "CallRecording"},
		{"Entries", "Entry"},
		{"ListEntries", "ListEntry"},
		{"EmailAddresses", "EmailAddress"},
		{"Values", "Value"},
		{"Status", "Status"},
		{"Data", "Data"},
		{"tags", "Tag"},
	}
	for _, tt := range tests {
		if got := lastWordSingular(tt.in); got != tt.want {
			t.Errorf("lastWordSingular(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestResourceNoun(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ListRecords", "Record"},
		{"GetRecord", "Record"},
		{"CreateRecord", "Record"},
		{"UpdateRecord", "Record"},
		{"OverwriteRecord", "Record"},
		{"DeleteRecord", "Record"},
		{"AssertRecord", "Record"},
		{"SearchRecords", "Record"},
		{"GetListEntry", "ListEntry"},
		{"ListEntries", "Entry"},
		{"ListRecordEntries", "RecordEntry"},
		{"ListEntryAttributeValues", "EntryAttributeValue"},
		{"ListCallRecordings", "CallRecording"},
		{"GetCallTranscript", "CallTranscript"},
		{"ListWorkspaceMembers", "WorkspaceMember"},
		{"ListSelectOptions", "SelectOption"},
		{"FindOrCreateMeeting", "Meeting"}, // not "OrCreateMeeting"
		{"ListSCIMUsers", "SCIMUser"},
		{"UploadFile", "File"},
		{"DownloadFile", "File"},
		{"AddTag", "Tag"},
		{"RemoveTag", "Tag"},
		// No verb, or a verb that is only the start of a word: whole.
		{"Identify", "Identify"},
		{"Getaway", "Getaway"},
		{"Listing", "Listing"},
		{"List", "List"},
	}
	for _, tt := range tests {
		if got := resourceNoun(tt.in); got != tt.want {
			t.Errorf("resourceNoun(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOperationName(t *testing.T) {
	tests := []struct{ summary, want string }{
		{"Delete a record", "DeleteRecord"},
		{"Create an object", "CreateObject"},
		{"Get the thing", "GetThing"},
		{"List all lists", "ListAllLists"},
		{"List record attribute values", "ListRecordAttributeValues"},
		{"Find or create a meeting", "FindOrCreateMeeting"},
		{"Identify", "Identify"},
		// Parentheticals are dropped, wherever the words around them are.
		{"Update a record (append multiselect values)", "UpdateRecord"},
		{"Create an entry (add record to list)", "CreateEntry"},
		// Initialisms keep their case.
		{"List SCIM users", "ListSCIMUsers"},
		{"Get v2 status", "GetV2Status"},
		// Lower case, punctuation and extra spaces.
		{"get a thing", "GetThing"},
		{"  spaced   out  ", "SpacedOut"},
		{"Assert a list entry by parent", "AssertListEntryByParent"},
		{"Create a to-do", "CreateToDo"},
		// Articles are words, not prefixes.
		{"Get an anthem", "GetAnthem"},
		{"List theatres", "ListTheatres"},
	}
	for _, tt := range tests {
		if got := operationName(tt.summary); got != tt.want {
			t.Errorf("operationName(%q) = %q, want %q", tt.summary, got, tt.want)
		}
	}
}
