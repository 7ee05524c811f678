/** What the media endpoint answers for an upload; the figure node takes these fields. */
export type UploadedImage = {
  id: number;
  url: string;
  srcset: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
};

export async function uploadImage(file: File, text: { alt: string; caption: string; credit: string }): Promise<UploadedImage> {
  const form = new FormData();
  form.set('file', file);
  form.set('alt', text.alt);
  form.set('caption', text.caption);
  form.set('credit', text.credit);
  let response: Response;
  try {
    response = await fetch('/api/desk/media', { method: 'POST', body: form });
  } catch {
    throw new Error('The image could not be sent: the server cannot be reached. Try again when you are back online.');
  }
  const data = (await response.json().catch(() => ({}))) as { ok?: boolean; media?: UploadedImage; error?: string };
  if (!response.ok || !data.media) throw new Error(data.error ?? 'The image could not be uploaded.');
  return data.media;
}

export function figureAttrsFrom(image: UploadedImage) {
  return {
    mediaId: image.id,
    src: image.url,
    srcset: image.srcset,
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
    width: image.width,
    height: image.height,
  };
}
