package cn.antifraud.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads tab-separated UTF-8 resources strictly: bad encoding or a wrong column count names file and line. */
final class TsvReader {
    private TsvReader() {
    }

    /** A data row: its 1-based line number and columns. */
    record Row(int line, String[] columns) {
    }

    static List<Row> read(String resource, int minColumns, int maxColumns) {
        InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new KnowledgeBaseException(resource + ": file not found");
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Row> rows = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length < minColumns || cols.length > maxColumns) {
                    throw new KnowledgeBaseException(resource + ":" + lineNo + ": expected " + minColumns
                        + (maxColumns == minColumns ? "" : "-" + maxColumns) + " tab-separated columns, found " + cols.length);
                }
                for (int i = 0; i < cols.length; i++) {
                    cols[i] = cols[i].strip();
                    if (cols[i].isEmpty() && i < minColumns) {
                        throw new KnowledgeBaseException(resource + ":" + lineNo + ": column " + (i + 1) + " is empty");
                    }
                }
                rows.add(new Row(lineNo, cols));
            }
        } catch (CharacterCodingException e) {
            throw new KnowledgeBaseException(resource + ":" + (lineNo + 1) + ": not valid UTF-8", e);
        } catch (IOException e) {
            throw new KnowledgeBaseException(resource + ": cannot read: " + e.getMessage(), e);
        }
        return rows;
    }
}
