import java.io.BufferedWriter;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Oracle of the differential test: loads every *.properties file of a directory with
 * java.util.Properties.load(Reader), reading ISO-8859-1 as OX 7.x does, or with --utf8 UTF-8 as OX 8 does
 * (malformed bytes become U+FFFD), and prints one JSON line per file:
 * {"file":"…","entries":[[key,value],…]} (every put, in order, duplicates included) or
 * {"file":"…","error":"…"} when load throws.
 *
 * Usage: java -cp DIR PropsDump INPUT_DIR [--utf8]
 */
public final class PropsDump {

    /** Records every put in order; Properties.load calls put(key, value) once per logical line. */
    static final class RecordingProperties extends Properties {
        private static final long serialVersionUID = 1L;
        final transient List<String[]> puts = new ArrayList<>();

        @Override
        public synchronized Object put(Object key, Object value) {
            puts.add(new String[] {(String) key, (String) value});
            return super.put(key, value);
        }
    }

    public static void main(String[] args) throws IOException {
        boolean utf8 = args.length == 2 && args[1].equals("--utf8");
        if (args.length != 1 && !utf8) {
            System.err.println("usage: PropsDump INPUT_DIR [--utf8]");
            System.exit(2);
        }
        Charset charset = utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        File dir = new File(args[0]);
        File[] files = dir.listFiles((d, name) -> name.endsWith(".properties"));
        if (files == null) {
            System.err.println("not a directory: " + dir);
            System.exit(2);
        }
        Arrays.sort(files);
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.US_ASCII), 1 << 16);
        StringBuilder sb = new StringBuilder(4096);
        for (File f : files) {
            sb.setLength(0);
            sb.append("{\"file\":");
            quote(sb, f.getName());
            RecordingProperties props = new RecordingProperties();
            String error = null;
            try (Reader reader = new InputStreamReader(new FileInputStream(f), charset)) {
                props.load(reader);
            } catch (IllegalArgumentException e) {
                error = String.valueOf(e.getMessage());
            }
            if (error != null) {
                sb.append(",\"error\":");
                quote(sb, error);
            } else {
                sb.append(",\"entries\":[");
                boolean first = true;
                for (String[] kv : props.puts) {
                    if (!first) sb.append(',');
                    first = false;
                    sb.append('[');
                    quote(sb, kv[0]);
                    sb.append(',');
                    quote(sb, kv[1]);
                    sb.append(']');
                }
                sb.append(']');
            }
            sb.append("}\n");
            out.write(sb.toString());
        }
        out.flush();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** JSON string literal; everything outside printable ASCII becomes \\uXXXX (lone surrogates too). */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append("\\u")
                    .append(HEX[(c >> 12) & 15])
                    .append(HEX[(c >> 8) & 15])
                    .append(HEX[(c >> 4) & 15])
                    .append(HEX[c & 15]);
            }
        }
        sb.append('"');
    }
}
