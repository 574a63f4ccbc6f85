// The database schema as code: the one place that says what the tables are. drizzle-kit reads this
// file to write migrations (see drizzle.config.ts), and the TypeScript types of every query are
// derived from it. Notebook 19-orm.ipynb teaches it.
import { relations } from "drizzle-orm";
import { index, integer, pgTable, serial, text } from "drizzle-orm/pg-core";

/** People who write posts. Django: `class Author(models.Model)`. */
export const authors = pgTable("authors", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
});

/**
 * Blog posts; each belongs to one author (a foreign key, like Django's `ForeignKey`). PostgreSQL
 * does not index a foreign key by itself: the index on `author_id` is declared here.
 */
export const posts = pgTable(
  "posts",
  {
    id: serial("id").primaryKey(),
    authorId: integer("author_id")
      .notNull()
      .references(() => authors.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    slug: text("slug").notNull().unique(),
    likes: integer("likes").notNull().default(0),
  },
  (table) => [index("posts_author_id_idx").on(table.authorId)],
);

/** Relations are for the query API only (`with: { posts: true }`); they change no SQL table. */
export const authorsRelations = relations(authors, ({ many }) => ({ posts: many(posts) }));

/** The other side: a post's `author`, through the `author_id` foreign key. */
export const postsRelations = relations(posts, ({ one }) => ({
  author: one(authors, { fields: [posts.authorId], references: [authors.id] }),
}));
