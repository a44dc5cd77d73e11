package io.hunterreferrals.csv;

import io.hunterreferrals.core.leadimport.CompanyRowReader.UnreadableFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;

/** Where the domain, name and (optional) country columns are, from a companies file's header row. */
record HeaderColumns(int domainIndex, int nameIndex, int countryIndex) {

    private static final int ABSENT = -1;

    static HeaderColumns of(CSVRecord header, char delimiter) {
        int domain = ABSENT;
        int name = ABSENT;
        int country = ABSENT;
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).strip().toLowerCase(Locale.ROOT);
            seen.add(header.get(i).strip());
            switch (column) {
                case "domain" -> domain = unique(domain, i, column);
                case "name" -> name = unique(name, i, column);
                case "country" -> country = unique(country, i, column);
                default -> {
                    // extra columns are allowed and ignored
                }
            }
        }
        if (domain == ABSENT || name == ABSENT) {
            throw new UnreadableFileException(
                    "Line 1: the first line must be a header naming the columns domain and "
                            + "name (country is optional), separated by '" + delimiter + "'; found " + seen,
                    null);
        }
        return new HeaderColumns(domain, name, country);
    }

    String domain(CSVRecord record) {
        return value(record, domainIndex);
    }

    String name(CSVRecord record) {
        return value(record, nameIndex);
    }

    String country(CSVRecord record) {
        return value(record, countryIndex);
    }

    /** A short line lacks its last columns: they are absent, not an error (the import validates values). */
    private static String value(CSVRecord record, int index) {
        return index == ABSENT || index >= record.size() ? null : record.get(index);
    }

    private static int unique(int previous, int index, String column) {
        if (previous != ABSENT) {
            throw new UnreadableFileException("Line 1: the header names the column " + column + " twice", null);
        }
        return index;
    }
}
