/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "text.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SDL_ttf.h>

#include "lull/utf8.h"

enum {
    TEXT_MIN_PX = 4,
    TEXT_MAX_PX = 512,
    TEXT_MAX_FONTS = 48, /* open (face, size) pairs */
    TEXT_TEXTURES = 384, /* drawn strings kept as textures */
    /* ... and at most this many bytes of them: the dim screen's big clock makes
     * a large texture every minute, and a night of them must not add up. */
    TEXT_TEXTURE_BYTES = 6 << 20, /* 6 MB: a small board's memory matters */
    TEXT_MEASURES = 1024,         /* measured strings kept as widths */
    TEXT_PATH_MAX = 512,
    TEXT_RUNS = 32, /* stretches of one face in a string; the rest joins the last */
};

typedef struct {
    const char *regular;
    const char *bold;
} FontCandidate;

/* Glyphs the sans face lacks (emoji in a name, a moon in a note) come from a
 * symbol face: Symbola is monochrome and scalable, so it is tinted like the
 * rest and never drawn as coloured bitmaps at the wrong size. */
static const char *const fallback_candidates[] = {
    "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
    "/usr/share/fonts/truetype/Symbola_hint.ttf",
    "/usr/share/fonts/TTF/Symbola.ttf",
};

/* Where Debian (and a few other distributions) put common sans faces. */
static const FontCandidate font_candidates[] = {
    {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
    {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
     "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"},
    {"/usr/share/fonts/opentype/noto/NotoSans-Regular.otf",
     "/usr/share/fonts/opentype/noto/NotoSans-Bold.otf"},
    {"/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
     "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf"},
    {"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"},
    {"/usr/share/fonts/truetype/freefont/FreeSans.ttf",
     "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf"},
    {"/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"},
    {"/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"},
};

/* The symbol face, opened like the two faces a caller names. */
#define FACE_FALLBACK TEXT_FACE_COUNT

/* A font file mapped once for every size opened from it: FreeType reads its
 * tables from memory, not through a seek and a read each (thousands of system
 * calls at start-up), and only the pages of the glyphs drawn are ever read. */
typedef struct {
    void *data; /* NULL: none */
    size_t size;
} FontFile;

typedef struct {
    TTF_Font *font; /* NULL: free slot */
    int face;       /* a TextFace or FACE_FALLBACK */
    int size;
    uint64_t used;
} TextFont;

typedef struct {
    char *text; /* owned copy; NULL: free slot */
    uint32_t hash;
    TextFace face;
    int size;
    int w, h;
    SDL_Texture *texture; /* white glyphs, tinted per draw (texture table only) */
    uint64_t used;
    int next; /* next slot in the same bucket, -1 at the end */
} TextEntry;

typedef struct {
    TextEntry *entry;
    int *bucket;
    int capacity;
    int bucket_mask;
    int count;
} TextTable;

struct TextCache {
    SDL_Renderer *sdl;
    char path[TEXT_FACE_COUNT + 1][TEXT_PATH_MAX]; /* the fallback's "" when none */
    FontFile file[TEXT_FACE_COUNT + 1];            /* each path, mapped */
    int synthetic_bold; /* no bold file: SDL_ttf emboldens the regular face */
    TextFont font[TEXT_MAX_FONTS];
    TextTable textures;
    TextTable measures;
    uint64_t tick;
    int warned; /* a failure has been logged once */
    int ttf_ready;
};

static uint32_t text_hash(TextFace face, int size, const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        h ^= *p;
        h *= 16777619u;
    }
    h ^= (uint32_t)size * 2654435761u;
    h ^= (uint32_t)face << 29;
    return h;
}

static int table_init(TextTable *t, int capacity)
{
    int buckets = 1;
    while (buckets < capacity * 2)
        buckets <<= 1;
    t->entry = calloc((size_t)capacity, sizeof *t->entry);
    t->bucket = malloc((size_t)buckets * sizeof *t->bucket);
    if (!t->entry || !t->bucket)
        return -1;
    for (int i = 0; i < buckets; i++)
        t->bucket[i] = -1;
    t->capacity = capacity;
    t->bucket_mask = buckets - 1;
    t->count = 0;
    return 0;
}

static void entry_clear(TextEntry *e)
{
    free(e->text);
    if (e->texture)
        SDL_DestroyTexture(e->texture);
    memset(e, 0, sizeof *e);
}

static void table_free(TextTable *t)
{
    if (t->entry) {
        for (int i = 0; i < t->capacity; i++)
            entry_clear(&t->entry[i]);
    }
    free(t->entry);
    free(t->bucket);
    memset(t, 0, sizeof *t);
}

static int table_find(const TextTable *t, uint32_t hash, TextFace face, int size, const char *s)
{
    for (int i = t->bucket[hash & (uint32_t)t->bucket_mask]; i >= 0; i = t->entry[i].next) {
        const TextEntry *e = &t->entry[i];
        if (e->hash == hash && e->size == size && e->face == face && strcmp(e->text, s) == 0)
            return i;
    }
    return -1;
}

static void table_unlink(TextTable *t, int slot)
{
    int *link = &t->bucket[t->entry[slot].hash & (uint32_t)t->bucket_mask];
    while (*link >= 0 && *link != slot)
        link = &t->entry[*link].next;
    if (*link == slot)
        *link = t->entry[slot].next;
}

/* A slot for a new string: a free one, else the least recently used. */
static int table_insert(TextTable *t, uint32_t hash, TextFace face, int size, const char *s)
{
    int slot = -1;
    if (t->count < t->capacity) {
        for (int i = 0; i < t->capacity; i++) {
            if (!t->entry[i].text) {
                slot = i;
                break;
            }
        }
    } else {
        slot = 0;
        for (int i = 1; i < t->capacity; i++) {
            if (t->entry[i].used < t->entry[slot].used)
                slot = i;
        }
        table_unlink(t, slot);
        entry_clear(&t->entry[slot]);
        t->count--;
    }
    size_t len = strlen(s);
    char *copy = malloc(len + 1);
    if (!copy)
        return -1;
    memcpy(copy, s, len + 1);
    TextEntry *e = &t->entry[slot];
    e->text = copy;
    e->hash = hash;
    e->face = face;
    e->size = size;
    e->next = t->bucket[hash & (uint32_t)t->bucket_mask];
    t->bucket[hash & (uint32_t)t->bucket_mask] = slot;
    t->count++;
    return slot;
}

static void text_warn(TextCache *cache, const char *what, const char *why)
{
    /* Logged once: the strings are the couple's words, so never log them. */
    if (cache->warned)
        return;
    cache->warned = 1;
    SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "text: %s: %s", what, why);
}

static int clamp_size(int size_px)
{
    if (size_px < TEXT_MIN_PX)
        return TEXT_MIN_PX;
    if (size_px > TEXT_MAX_PX)
        return TEXT_MAX_PX;
    return size_px;
}

static void font_unmap(FontFile *file)
{
    if (file->data)
        munmap(file->data, file->size);
    file->data = NULL;
    file->size = 0;
}

static int font_map(FontFile *file, const char *path)
{
    file->data = NULL;
    file->size = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat st;
    void *data = MAP_FAILED;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 && st.st_size < INT32_MAX)
        data = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (data == MAP_FAILED)
        return -1;
    file->data = data;
    file->size = (size_t)st.st_size;
    return 0;
}

static TTF_Font *font_open(const FontFile *file, int size, int bold)
{
    SDL_RWops *rw = file->data ? SDL_RWFromConstMem(file->data, (int)file->size) : NULL;
    TTF_Font *font = rw ? TTF_OpenFontRW(rw, 1, size) : NULL;
    if (!font)
        return NULL;
    /* Light hinting keeps the shapes of a humanist sans while staying crisp. */
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    TTF_SetFontKerning(font, 1);
    if (bold)
        TTF_SetFontStyle(font, TTF_STYLE_BOLD);
    return font;
}

static TTF_Font *font_get(TextCache *cache, int face, int size)
{
    int slot = 0;
    for (int i = 0; i < TEXT_MAX_FONTS; i++) {
        TextFont *f = &cache->font[i];
        if (f->font && f->face == face && f->size == size) {
            f->used = ++cache->tick;
            return f->font;
        }
        if (!f->font || (cache->font[slot].font && f->used < cache->font[slot].used))
            slot = i;
    }
    if (!cache->path[face][0])
        return NULL; /* no symbol face installed */
    TTF_Font *font = font_open(&cache->file[face], size,
                               face == TEXT_BOLD && cache->synthetic_bold);
    if (!font) {
        text_warn(cache, "TTF_OpenFont", TTF_GetError());
        return NULL;
    }
    TextFont *f = &cache->font[slot];
    if (f->font)
        TTF_CloseFont(f->font);
    f->font = font;
    f->face = face;
    f->size = size;
    f->used = ++cache->tick;
    return font;
}

/* Maps path into file and opens it at a probing size to prove it is a usable
 * font; 0 (and nothing mapped) when it is not. */
static int font_usable(const char *path, FontFile *file)
{
    if (font_map(file, path) != 0) {
        TTF_SetError("Couldn't open %s", path);
        return 0;
    }
    TTF_Font *font = font_open(file, 16, 0);
    if (!font) {
        font_unmap(file);
        return 0;
    }
    TTF_CloseFont(font);
    return 1;
}

static int text_find_fonts(TextCache *cache, const char *font_path, char *err, size_t err_size)
{
    FontFile *regular_file = &cache->file[TEXT_REGULAR], *bold_file = &cache->file[TEXT_BOLD];
    const char *regular = NULL, *bold = NULL;
    if (font_path) {
        if (!font_usable(font_path, regular_file)) {
            snprintf(err, err_size, "cannot open font %s: %s", font_path, TTF_GetError());
            return -1;
        }
        regular = font_path;
    } else {
        size_t n = sizeof font_candidates / sizeof font_candidates[0];
        for (size_t i = 0; i < n && !regular; i++) {
            if (font_usable(font_candidates[i].regular, regular_file)) {
                regular = font_candidates[i].regular;
                if (font_usable(font_candidates[i].bold, bold_file))
                    bold = font_candidates[i].bold;
            }
        }
        if (!regular) {
            snprintf(err, err_size,
                     "no font found: install fonts-dejavu-core "
                     "(sudo apt-get install fonts-dejavu-core)");
            return -1;
        }
    }
    int len = snprintf(cache->path[TEXT_REGULAR], TEXT_PATH_MAX, "%s", regular);
    if (len < 0 || len >= TEXT_PATH_MAX) {
        snprintf(err, err_size, "font path too long");
        return -1;
    }
    snprintf(cache->path[TEXT_BOLD], TEXT_PATH_MAX, "%s", bold ? bold : regular);
    /* No bold file: SDL_ttf emboldens the regular face, from a mapping of its own. */
    if (!bold && font_map(bold_file, regular) != 0) {
        snprintf(err, err_size, "cannot open font %s", regular);
        return -1;
    }
    cache->synthetic_bold = bold == NULL;
    cache->path[FACE_FALLBACK][0] = '\0';
    size_t n = sizeof fallback_candidates / sizeof fallback_candidates[0];
    for (size_t i = 0; i < n && !cache->path[FACE_FALLBACK][0]; i++) {
        if (font_usable(fallback_candidates[i], &cache->file[FACE_FALLBACK]))
            snprintf(cache->path[FACE_FALLBACK], TEXT_PATH_MAX, "%s", fallback_candidates[i]);
    }
    return 0;
}

TextCache *text_open(SDL_Renderer *sdl, const char *font_path, char *err, size_t err_size)
{
    if (err && err_size)
        err[0] = '\0';
    char scratch[8];
    if (!err || !err_size) {
        err = scratch;
        err_size = sizeof scratch;
    }
    TextCache *cache = calloc(1, sizeof *cache);
    if (!cache) {
        snprintf(err, err_size, "text: out of memory");
        return NULL;
    }
    cache->sdl = sdl;
    if (TTF_Init() != 0) {
        snprintf(err, err_size, "TTF_Init: %s", TTF_GetError());
        goto fail;
    }
    cache->ttf_ready = 1;
    if (text_find_fonts(cache, font_path, err, err_size) != 0)
        goto fail;
    if (table_init(&cache->textures, TEXT_TEXTURES) != 0 ||
        table_init(&cache->measures, TEXT_MEASURES) != 0) {
        snprintf(err, err_size, "text: out of memory");
        goto fail;
    }
    return cache;
fail:
    text_close(cache);
    return NULL;
}

void text_close(TextCache *cache)
{
    if (!cache)
        return;
    table_free(&cache->textures);
    table_free(&cache->measures);
    for (int i = 0; i < TEXT_MAX_FONTS; i++) {
        if (cache->font[i].font)
            TTF_CloseFont(cache->font[i].font);
    }
    for (int i = 0; i <= TEXT_FACE_COUNT; i++)
        font_unmap(&cache->file[i]);
    if (cache->ttf_ready)
        TTF_Quit();
    free(cache);
}

/* A stretch of a string drawn in one face: NUL-terminated text in a shared buffer. */
typedef struct {
    const char *text;
    TTF_Font *font;
} TextRun;

typedef struct {
    TextRun run[TEXT_RUNS];
    int count;
    char *buffer;
} TextRuns;

/* Characters a monochrome face cannot draw as meant: variation selectors, the
 * joiner of emoji sequences, tag characters, skin tones (which Symbola shows
 * as a square after the hand). Left out, the pictures around them stand. */
static int text_silent(unsigned long cp)
{
    return (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x200D || (cp >= 0xE0020 && cp <= 0xE007F) ||
           (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

/* Splits utf8 between the main face and the symbol face: a character goes to
 * the symbol face only when the main one lacks it and the symbol face has it.
 * Returns 0 when the main face draws all of it as it is (the common case, no
 * buffer), 1 with runs filled (free runs->buffer), -1 when out of memory. */
static TTF_Font *font_get(TextCache *cache, int face, int size);

/* The symbol face at size is opened only for a string that needs it: most
 * never do, and each size opened costs a parse of the face. */
static int text_split(TextCache *cache, TTF_Font *main, int size, const char *utf8, TextRuns *runs)
{
    runs->count = 0;
    runs->buffer = NULL;
    TTF_Font *symbol = NULL;
    int plain = 1;
    for (const char *p = utf8; *p && plain;) {
        unsigned long cp;
        int n = utf8_decode((const unsigned char *)p, &cp);
        if (n == 0)
            break; /* SDL_ttf shows a bad byte as it always has */
        int lacking = text_silent(cp) ||
                      (cp <= 0xFFFFFFul && !TTF_GlyphIsProvided32(main, (Uint32)cp));
        if (lacking && !symbol && !(symbol = font_get(cache, FACE_FALLBACK, size)))
            return 0; /* no symbol face: the main face draws it all, as it can */
        if (text_silent(cp) || (lacking && TTF_GlyphIsProvided32(symbol, (Uint32)cp)))
            plain = 0;
        p += n;
    }
    if (plain)
        return 0;
    size_t len = strlen(utf8);
    runs->buffer = malloc(len + TEXT_RUNS + 1);
    if (!runs->buffer)
        return -1;
    char *out = runs->buffer;
    TTF_Font *current = NULL;
    for (const char *p = utf8; *p;) {
        unsigned long cp = 0xFFFD;
        int n = utf8_decode((const unsigned char *)p, &cp);
        if (n == 0)
            n = 1; /* a bad byte stays with the main face */
        if (n > 1 && text_silent(cp)) {
            p += n;
            continue;
        }
        TTF_Font *font = main;
        if (n > 1 && !TTF_GlyphIsProvided32(main, (Uint32)cp) &&
            TTF_GlyphIsProvided32(symbol, (Uint32)cp))
            font = symbol;
        if (font != current && runs->count < TEXT_RUNS) {
            if (runs->count > 0)
                *out++ = '\0';
            runs->run[runs->count].text = out;
            runs->run[runs->count].font = font;
            runs->count++;
            current = font;
        }
        memcpy(out, p, (size_t)n);
        out += n;
        p += n;
    }
    *out = '\0';
    return 1;
}

/* The width of utf8 drawn at this size, the symbol face filling the gaps. */
static int text_width(TextCache *cache, TextFace face, int size, const char *utf8, int *w)
{
    TTF_Font *font = font_get(cache, face, size);
    if (!font)
        return -1;
    TextRuns runs;
    int split = text_split(cache, font, size, utf8, &runs);
    if (split <= 0) {
        int h = 0;
        if (TTF_SizeUTF8(font, utf8, w, &h) != 0) {
            text_warn(cache, "TTF_SizeUTF8", TTF_GetError());
            return -1;
        }
        return 0;
    }
    *w = 0;
    for (int i = 0; i < runs.count; i++) {
        int rw = 0, rh = 0;
        if (runs.run[i].text[0] && TTF_SizeUTF8(runs.run[i].font, runs.run[i].text, &rw, &rh) == 0)
            *w += rw;
    }
    free(runs.buffer);
    return 0;
}

int text_measure_face(TextCache *cache, TextFace face, const char *utf8, int size_px)
{
    if (!cache || !utf8 || !utf8[0] || face < 0 || face >= TEXT_FACE_COUNT)
        return 0;
    int size = clamp_size(size_px);
    uint32_t hash = text_hash(face, size, utf8);
    /* A string already drawn knows its width. */
    int slot = table_find(&cache->textures, hash, face, size, utf8);
    if (slot >= 0)
        return cache->textures.entry[slot].w;
    slot = table_find(&cache->measures, hash, face, size, utf8);
    if (slot >= 0) {
        cache->measures.entry[slot].used = ++cache->tick;
        return cache->measures.entry[slot].w;
    }
    int w = 0;
    if (text_width(cache, face, size, utf8, &w) != 0)
        return 0;
    slot = table_insert(&cache->measures, hash, face, size, utf8);
    if (slot >= 0) {
        TextEntry *e = &cache->measures.entry[slot];
        e->w = w;
        e->h = 0;
        e->used = ++cache->tick;
    }
    return w;
}

int text_measure(void *cache, const char *utf8, int size_px)
{
    return text_measure_face(cache, TEXT_REGULAR, utf8, size_px);
}

/* Makes room for a texture of incoming bytes within TEXT_TEXTURE_BYTES,
 * letting the least recently used go first. */
static void textures_trim(TextCache *cache, size_t incoming)
{
    TextTable *t = &cache->textures;
    for (;;) {
        size_t bytes = incoming;
        int oldest = -1;
        for (int i = 0; i < t->capacity; i++) {
            const TextEntry *e = &t->entry[i];
            if (!e->text)
                continue;
            bytes += (size_t)e->w * (size_t)e->h * 4u;
            if (oldest < 0 || e->used < t->entry[oldest].used)
                oldest = i;
        }
        if (bytes <= TEXT_TEXTURE_BYTES || oldest < 0)
            return;
        table_unlink(t, oldest);
        entry_clear(&t->entry[oldest]);
        t->count--;
    }
}

/* utf8 rendered white, the symbol face drawing what the main face lacks, the
 * stretches sharing the main face's baseline and line height. */
static SDL_Surface *text_render(TextCache *cache, TextFace face, int size, const char *utf8)
{
    TTF_Font *font = font_get(cache, face, size);
    if (!font)
        return NULL;
    SDL_Color white = {255, 255, 255, 255};
    TextRuns runs;
    int split = text_split(cache, font, size, utf8, &runs);
    if (split <= 0) {
        SDL_Surface *surface = TTF_RenderUTF8_Blended(font, utf8, white);
        if (!surface)
            text_warn(cache, "TTF_RenderUTF8_Blended", TTF_GetError());
        return surface;
    }
    SDL_Surface *piece[TEXT_RUNS] = {NULL};
    int w = 0;
    for (int i = 0; i < runs.count; i++) {
        if (runs.run[i].text[0])
            piece[i] = TTF_RenderUTF8_Blended(runs.run[i].font, runs.run[i].text, white);
        if (piece[i])
            w += piece[i]->w;
    }
    int h = TTF_FontHeight(font), ascent = TTF_FontAscent(font);
    SDL_Surface *out = w > 0 ? SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888)
                             : NULL;
    if (out) {
        SDL_FillRect(out, NULL, SDL_MapRGBA(out->format, 255, 255, 255, 0));
        int x = 0;
        for (int i = 0; i < runs.count; i++) {
            if (!piece[i])
                continue;
            SDL_Rect dst = {x, ascent - TTF_FontAscent(runs.run[i].font), piece[i]->w, piece[i]->h};
            SDL_SetSurfaceBlendMode(piece[i], SDL_BLENDMODE_BLEND);
            SDL_BlitSurface(piece[i], NULL, out, &dst);
            x += piece[i]->w;
        }
    } else {
        text_warn(cache, "SDL_CreateRGBSurfaceWithFormat", SDL_GetError());
    }
    for (int i = 0; i < runs.count; i++)
        SDL_FreeSurface(piece[i]);
    free(runs.buffer);
    return out;
}

/* The cached white texture of a string, rendering it on a miss. */
static TextEntry *text_texture(TextCache *cache, TextFace face, const char *utf8, int size)
{
    uint32_t hash = text_hash(face, size, utf8);
    int slot = table_find(&cache->textures, hash, face, size, utf8);
    if (slot >= 0) {
        TextEntry *e = &cache->textures.entry[slot];
        e->used = ++cache->tick;
        return e;
    }
    SDL_Surface *surface = text_render(cache, face, size, utf8);
    if (!surface)
        return NULL;
    SDL_Texture *texture = SDL_CreateTextureFromSurface(cache->sdl, surface);
    int w = surface->w, h = surface->h;
    SDL_FreeSurface(surface);
    if (!texture) {
        text_warn(cache, "SDL_CreateTextureFromSurface", SDL_GetError());
        return NULL;
    }
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    textures_trim(cache, (size_t)w * (size_t)h * 4u);
    slot = table_insert(&cache->textures, hash, face, size, utf8);
    if (slot < 0) {
        SDL_DestroyTexture(texture);
        text_warn(cache, "texture cache", "out of memory");
        return NULL;
    }
    TextEntry *e = &cache->textures.entry[slot];
    e->texture = texture;
    e->w = w;
    e->h = h;
    e->used = ++cache->tick;
    return e;
}

/* Where a string's texture goes in r. */
static SDL_Rect text_place(const TextEntry *e, Rect r, Align align, int turned)
{
    SDL_Rect dst = {r.x, r.y + (r.h - e->h) / 2, e->w, e->h};
    if (align == ALIGN_CENTER)
        dst.x = r.x + (r.w - e->w) / 2;
    else if (align == ALIGN_RIGHT)
        dst.x = r.x + r.w - e->w;
    if (turned) {
        /* Mirror the placement through r's centre and flip both axes: a 180°
         * turn without resampling, so the glyphs stay pixel-exact. */
        dst.x = 2 * r.x + r.w - dst.x - dst.w;
        dst.y = 2 * r.y + r.h - dst.y - dst.h;
    }
    return dst;
}

Rect text_bounds(TextCache *cache, TextFace face, const char *utf8, Rect r, int size_px,
                 Align align, int turned)
{
    Rect none = {0, 0, 0, 0};
    if (!cache || !utf8 || !utf8[0] || face < 0 || face >= TEXT_FACE_COUNT)
        return none;
    TextEntry *e = text_texture(cache, face, utf8, clamp_size(size_px));
    if (!e)
        return none;
    SDL_Rect dst = text_place(e, r, align, turned);
    Rect out = {dst.x, dst.y, dst.w, dst.h};
    return out;
}

void text_draw_face(TextCache *cache, TextFace face, const char *utf8, Rect r, int size_px, Color c,
                    Align align, int turned)
{
    if (!cache || !utf8 || !utf8[0] || c.a == 0 || face < 0 || face >= TEXT_FACE_COUNT)
        return;
    TextEntry *e = text_texture(cache, face, utf8, clamp_size(size_px));
    if (!e)
        return;
    SDL_Rect dst = text_place(e, r, align, turned);
    SDL_RendererFlip flip = SDL_FLIP_NONE;
    if (turned)
        flip = (SDL_RendererFlip)(SDL_FLIP_HORIZONTAL | SDL_FLIP_VERTICAL);
    SDL_SetTextureColorMod(e->texture, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(e->texture, c.a);
    if (SDL_RenderCopyEx(cache->sdl, e->texture, NULL, &dst, 0.0, NULL, flip) != 0)
        text_warn(cache, "SDL_RenderCopyEx", SDL_GetError());
}

void text_draw(TextCache *cache, const char *utf8, Rect r, int size_px, Color c, Align align,
               int turned)
{
    text_draw_face(cache, TEXT_REGULAR, utf8, r, size_px, c, align, turned);
}

void text_frame(TextCache *cache)
{
    if (cache)
        cache->tick++;
}
