/**
 * Published copies of the database for read replicas. The writer copies its database into a new
 * file, and only once that file is complete names it in `current` (written aside and renamed,
 * which is atomic), so a reader never opens a half-written copy.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Publication {
	/** File name of the copy, inside the publication folder. */
	file: string;
	/** Increases with every publication of the writer. */
	seq: number;
	publishedAt: string;
}

export const publicationDir = (filesDir: string) => path.join(filesDir, 'published');

export function currentPublication(dir: string): Publication | null {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, 'current'), 'utf8')) as Publication;
	} catch {
		return null;
	}
}

/** Names `publication` as the current copy, at once for every reader. */
export function announce(dir: string, publication: Publication): void {
	const temporary = path.join(dir, `current.${process.pid}`);
	fs.writeFileSync(temporary, JSON.stringify(publication));
	fs.renameSync(temporary, path.join(dir, 'current'));
}
