/**
 * Enrolment drives and what the field's forms need (issue 12).
 *
 * - `drives`, their `drive_companies`, and the kiosk's current drive and company (`kiosk_drive`,
 *   one row): the officer switches the company in one touch, and every dossier created while a
 *   drive is open is tagged with it by a trigger, in the same transaction as its creation, so no
 *   code path can create an untagged one.
 * - `form02_rows`: the Form 02 columns of a dossier (name, birth date, residence, ID number, phone),
 *   copied from its body by a trigger when it is submitted (and again on a resubmission), so a
 *   drive's dossiers stay reportable after the retention purge has replaced their bodies with a
 *   receipt. A dossier outside any drive loses its row when it is purged (trigger below); a drive's
 *   rows are deleted when the drive's report period ends (`reports_until`, see drives/keep.ts).
 *   The whole database is encrypted (SQLCipher), so these rows are encrypted like the rest.
 * - `form01_teams`: a company's outreach teams with their members (Form 01), entered in the app.
 */
import type { Migration } from './runner';

export const m0040: Migration = {
  version: 40,
  name: '0040-drives-reports',
  up(db) {
    db.exec(`
      CREATE TABLE drives (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        place TEXT NOT NULL,
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
        opened_by TEXT NOT NULL REFERENCES officers(id),
        opened_at TEXT NOT NULL,
        closed_by TEXT REFERENCES officers(id),
        closed_at TEXT,
        reports_until TEXT
      ) STRICT;

      CREATE TABLE drive_companies (
        id TEXT PRIMARY KEY,
        drive_id TEXT NOT NULL REFERENCES drives(id),
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        UNIQUE (drive_id, name)
      ) STRICT;

      CREATE TABLE kiosk_drive (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        drive_id TEXT NOT NULL REFERENCES drives(id),
        company_id TEXT REFERENCES drive_companies(id),
        changed_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE dossier_drive (
        dossier_id TEXT PRIMARY KEY REFERENCES dossiers(id) ON DELETE CASCADE,
        drive_id TEXT NOT NULL REFERENCES drives(id),
        company_id TEXT REFERENCES drive_companies(id)
      ) STRICT;
      CREATE INDEX dossier_drive_by_drive ON dossier_drive(drive_id, company_id);

      CREATE TRIGGER dossier_drive_at_creation AFTER INSERT ON dossiers BEGIN
        INSERT INTO dossier_drive (dossier_id, drive_id, company_id)
          SELECT NEW.id, k.drive_id, k.company_id FROM kiosk_drive k JOIN drives d ON d.id = k.drive_id WHERE d.state = 'open';
      END;

      CREATE TABLE form02_rows (
        dossier_id TEXT PRIMARY KEY REFERENCES dossiers(id) ON DELETE CASCADE,
        enrolled_at TEXT NOT NULL,
        full_name TEXT NOT NULL,
        date_of_birth TEXT NOT NULL,
        residence TEXT NOT NULL,
        id_number TEXT NOT NULL,
        phone TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level IN (1, 2))
      ) STRICT;
      CREATE INDEX form02_rows_by_time ON form02_rows(enrolled_at);
      -- Form 02 and the statistics read a dossier's state by id: from this index, not from the row with its body.
      CREATE INDEX dossiers_state_by_id ON dossiers(id, state);

      CREATE TRIGGER form02_row_at_submission AFTER UPDATE OF state ON dossiers WHEN NEW.state = 'submitted' BEGIN
        INSERT OR REPLACE INTO form02_rows (dossier_id, enrolled_at, full_name, date_of_birth, residence, id_number, phone, level)
          VALUES (NEW.id, coalesce(NEW.submitted_at, NEW.updated_at),
            coalesce(json_extract(NEW.body, '$.identity.identity.fullName'), ''),
            coalesce(json_extract(NEW.body, '$.identity.identity.dateOfBirth'), ''),
            coalesce(json_extract(NEW.body, '$.identity.identity.placeOfResidence'), ''),
            coalesce(json_extract(NEW.body, '$.identity.identity.idNumber'), ''),
            coalesce(json_extract(NEW.body, '$.contact.mobile'), ''),
            2);
      END;

      CREATE TRIGGER form02_row_at_purge AFTER UPDATE OF state ON dossiers WHEN NEW.state = 'purged' BEGIN
        DELETE FROM form02_rows WHERE dossier_id = NEW.id AND NOT EXISTS (SELECT 1 FROM dossier_drive WHERE dossier_id = NEW.id);
      END;

      CREATE TABLE form01_teams (
        id TEXT PRIMARY KEY,
        drive_id TEXT NOT NULL REFERENCES drives(id),
        company_id TEXT NOT NULL REFERENCES drive_companies(id),
        position INTEGER NOT NULL,
        team_name TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        members TEXT NOT NULL
      ) STRICT;
      CREATE INDEX form01_teams_by_company ON form01_teams(company_id, position);
    `);
  },
};
