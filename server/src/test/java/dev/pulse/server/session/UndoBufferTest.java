package dev.pulse.server.session;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The session entry's undo: it keeps exactly the blocks a change writes, puts them back on undo, forgets them on
 * commit, and no write method of Agrona's buffer gets past it.
 */
class UndoBufferTest
{
    private static final int LENGTH = SessionRecord.LENGTH;

    private final UnsafeBuffer memory = new UnsafeBuffer(java.nio.ByteBuffer.allocateDirect(LENGTH));
    private final UndoBuffer buffer = new UndoBuffer(LENGTH);

    @Test
    void shouldPutBackExactlyWhatAChangeWroteAndKeepOnlyTheBlocksItWrote()
    {
        for (int i = 0; i < LENGTH; i++)
        {
            memory.putByte(i, (byte)i);
        }
        final byte[] before = bytes();
        buffer.point(memory.addressOffset(), LENGTH);
        buffer.track();

        buffer.putLong(0, -1L);
        buffer.putInt(62, -1);
        buffer.putByte(LENGTH - 1, (byte)-1);
        buffer.putBytes(1_000, new byte[130]);
        buffer.setMemory(2_400, 10, (byte)7);
        buffer.putLong(8, 42L);

        assertThat(Long.toBinaryString(buffer.keptBlocks())).as("blocks 0, 1 (an int across them), 15-17, 37, 42")
            .isEqualTo(Long.toBinaryString(0b11L | 0b111L << 15 | 1L << 37 | 1L << 42));
        assertThat(bytes()).isNotEqualTo(before);
        buffer.undo();
        assertThat(bytes()).isEqualTo(before);
        assertThat(buffer.keptBlocks()).isZero();
    }

    @Test
    void shouldKeepNothingOutsideAChangeNorAfterItIsKept()
    {
        buffer.point(memory.addressOffset(), LENGTH);
        buffer.putLong(0, 1L);
        assertThat(buffer.keptBlocks()).as("before track").isZero();
        buffer.track();
        buffer.putLong(0, 2L);
        buffer.stopTracking();
        buffer.putLong(64, 3L);
        assertThat(buffer.keptBlocks()).isZero();
        buffer.undo();
        assertThat(buffer.getLong(0)).as("kept: undo has nothing to put back").isEqualTo(2L);
    }

    @Test
    void shouldRefuseToLetGoOfTheEntryDuringAChange()
    {
        buffer.point(memory.addressOffset(), LENGTH);
        buffer.track();
        assertThatThrownBy(() -> buffer.point(memory.addressOffset(), LENGTH)).isInstanceOf(IllegalStateException.class);
        buffer.undo();
        buffer.point(memory.addressOffset(), LENGTH);
    }

    @Test
    void shouldRefuseTheWritesARecordNeverMakes()
    {
        buffer.point(memory.addressOffset(), LENGTH);
        assertThatThrownBy(() -> buffer.putStringAscii(0, "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> buffer.putLongVolatile(0, 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> buffer.compareAndSetInt(0, 0, 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    /** A write Agrona adds (or one forgotten here) would change an entry past the undo: every one must be overridden. */
    @Test
    void shouldOverrideEveryWriteOfAgronasBuffer()
    {
        final List<String> inherited = new ArrayList<>();
        for (final Method method : UnsafeBuffer.class.getMethods())
        {
            final String name = method.getName();
            final boolean writes = name.startsWith("put") || name.startsWith("set") || name.startsWith("compareAndSet") ||
                name.startsWith("getAnd") || name.startsWith("add") && !name.equals("addressOffset");
            if (!writes || Modifier.isStatic(method.getModifiers()))
            {
                continue;
            }
            try
            {
                final Class<?> declaring = UndoBuffer.class.getMethod(name, method.getParameterTypes()).getDeclaringClass();
                if (declaring != UndoBuffer.class && declaring != BinaryRecordBuffer.class)
                {
                    inherited.add(method.toString());
                }
            }
            catch (final NoSuchMethodException ex)
            {
                throw new AssertionError(ex);
            }
        }
        assertThat(inherited).as("writes inherited unseen").isEmpty();
    }

    private byte[] bytes()
    {
        final byte[] bytes = new byte[LENGTH];
        memory.getBytes(0, bytes);
        return bytes;
    }
}
