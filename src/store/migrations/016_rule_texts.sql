-- Rule texts (store/rule-texts.ts): a rule's full description and help, which a scanner repeats
-- on every finding of the rule, kept once per organization under the hash of the text. A finding
-- points at its text; findings imported before keep theirs inline (rule_text_id NULL) until a
-- re-import finds them changed and rewrites them in the new form.
CREATE TABLE rule_texts (
  org_id      uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id          text NOT NULL,
  description text,
  mitigation  text,
  PRIMARY KEY (org_id, id)
);
ALTER TABLE findings ADD COLUMN rule_text_id text;
