package org.pluralstats.io.spss;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.pluralstats.SurveyFormatException;

/**
 * The bytecode-compressed case data of a {@code $FL3} (ZSAV) file: a run of independent zlib streams
 * ("blocks") between the ZLIB data header and the ZLIB data trailer, inflated one after another into
 * a fixed buffer. The trailer's block table is checked against what was inflated once the last block
 * is read. Memory stays bounded whatever the blocks claim: output is produced window by window.
 */
final class InflatingSource extends ByteSource {
    private static final String BLOCK = "ZLIB data block";
    private static final String TRAILER = "ZLIB data trailer";

    private final ChannelSource in;
    private final String file;
    private final boolean bigEndian;
    private final long zheaderOffset;
    private final long trailerOffset;
    private final long trailerLength;
    private final Inflater inflater = new Inflater();

    /** File offset where the current zlib stream starts. */
    private long blockStart;
    /** Bytes inflated from the current block so far. */
    private long blockOut;
    private boolean inBlock;
    private boolean ended;
    private final List<long[]> blocks = new ArrayList<>();

    InflatingSource(ChannelSource in, String file, boolean bigEndian, long zheaderOffset, long trailerOffset,
                    long trailerLength, int capacity) {
        super(capacity);
        this.in = in;
        this.file = file;
        this.bigEndian = bigEndian;
        this.zheaderOffset = zheaderOffset;
        this.trailerOffset = trailerOffset;
        this.trailerLength = trailerLength;
        this.base = zheaderOffset;
        this.blockStart = in.offset();
    }

    @Override
    int read(byte[] b, int off, int len) {
        int idle = 0;
        while (true) {
            if (!inBlock) {
                if (in.offset() >= trailerOffset) {
                    if (!ended) {
                        ended = true;
                        checkTrailer();
                    }
                    return -1;
                }
                inflater.reset();
                blockStart = in.offset();
                blockOut = 0;
                inBlock = true;
            }
            if (in.available() == 0 && !in.ensure(1)) {
                throw error(in.offset(), BLOCK, "the file ends inside the zlib block that starts at file offset "
                        + blockStart);
            }
            int n = (int) Math.min(in.available(), trailerOffset - in.offset());
            if (n <= 0) {
                throw error(blockStart, BLOCK, "the zlib block runs into the ZLIB data trailer at file offset "
                        + trailerOffset + " without ending");
            }
            inflater.setInput(in.buf, in.pos, n);
            int produced;
            try {
                produced = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw SurveyFormatException.in(file).byteOffset(blockStart).record(BLOCK)
                        .problem("corrupt zlib data (" + e.getMessage() + ") in the block that starts here")
                        .cause(e).build();
            }
            int consumed = n - inflater.getRemaining();
            in.pos += consumed;
            if (inflater.needsDictionary()) {
                throw error(blockStart, BLOCK, "the zlib block asks for a preset dictionary, which system files never use");
            }
            if (inflater.finished()) {
                blocks.add(new long[] {blockStart, in.offset() - blockStart, blockOut + produced});
                inBlock = false;
            }
            if (produced > 0) {
                blockOut += produced;
                return produced;
            }
            if (consumed == 0 && !inflater.finished() && ++idle > 2) {
                throw error(blockStart, BLOCK, "the zlib stream makes no progress");
            }
        }
    }

    /** Checks the ZLIB data trailer (PSPP manual, "System File Format": ZLIB Data Trailer) against the blocks read. */
    private void checkTrailer() {
        if (in.offset() != trailerOffset) {
            throw error(in.offset(), TRAILER, "the last zlib block ends at file offset " + in.offset()
                    + " but the ZLIB data header puts the trailer at " + trailerOffset);
        }
        Fields f = new Fields(in, file, bigEndian, TRAILER);
        f.int64(); // the negated compression bias
        long zero = f.int64();
        int blockSize = f.int32();
        int nBlocks = f.int32();
        if (zero != 0 || blockSize <= 0) {
            throw error(trailerOffset, TRAILER, "malformed trailer (zero field " + zero + ", block size " + blockSize + ")");
        }
        if (nBlocks != blocks.size() || trailerLength != 24L + 24L * nBlocks) {
            throw error(trailerOffset, TRAILER, "the trailer lists " + nBlocks + " blocks in " + trailerLength
                    + " bytes, but " + blocks.size() + " zlib blocks were read");
        }
        long uncompressed = zheaderOffset;
        for (int k = 0; k < nBlocks; k++) {
            long entry = in.offset();
            long uOfs = f.int64();
            long cOfs = f.int64();
            long uSize = f.int32();
            long cSize = f.int32();
            long[] seen = blocks.get(k);
            if (uOfs != uncompressed || cOfs != seen[0] || cSize != seen[1] || uSize != seen[2]
                    || uSize > blockSize) {
                throw error(entry, TRAILER, "block " + k + " is listed at uncompressed offset " + uOfs
                        + ", file offset " + cOfs + ", " + cSize + " bytes inflating to " + uSize
                        + ", but was read at uncompressed offset " + uncompressed + ", file offset " + seen[0] + ", "
                        + seen[1] + " bytes inflating to " + seen[2]);
            }
            uncompressed += uSize;
        }
    }

    private SurveyFormatException error(long offset, String record, String problem) {
        return SurveyFormatException.in(file).byteOffset(offset).record(record).problem(problem).build();
    }

    @Override
    long fileOffset() {
        return blockStart;
    }

    @Override
    String where() {
        return " (byte " + offset() + " of the inflated data, in the zlib block at file offset " + blockStart + ")";
    }

    @Override
    public void close() {
        inflater.end();
    }
}
