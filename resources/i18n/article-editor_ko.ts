<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
  <context>
    <name>ArticleDocument</name>
    <message>
      <source>Untitled</source>
      <translation>제목 없음</translation>
    </message>
  </context>
  <context>
    <name>ArticleForm</name>
    <message>
      <source>Headline</source>
      <translation>제목</translation>
    </message>
    <message>
      <source>Headline (aim for 23 characters or fewer)</source>
      <translation>제목 (23자 이내 권장)</translation>
    </message>
    <message>
      <source>Subhead</source>
      <translation>부제</translation>
    </message>
    <message>
      <source>One to three lines under the headline</source>
      <translation>제목 아래 한두 줄(최대 세 줄)</translation>
    </message>
    <message>
      <source>Summary (share card and search)</source>
      <translation>요약 (공유 카드·검색)</translation>
    </message>
    <message>
      <source>A sentence or two shown when the link is shared</source>
      <translation>링크를 공유할 때 보이는 한두 문장</translation>
    </message>
    <message>
      <source>Lead image</source>
      <translation>대표 사진</translation>
    </message>
    <message>
      <source>Reporters</source>
      <translation>기자</translation>
    </message>
    <message>
      <source>Filing</source>
      <translation>분류</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>작성 중</translation>
    </message>
    <message>
      <source>Ready for desk</source>
      <translation>데스크 검토 요청</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>승인</translation>
    </message>
    <message>
      <source>Tags, separated by commas</source>
      <translation>태그 (쉼표로 구분)</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>섹션</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>상태</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>태그</translation>
    </message>
    <message>
      <source>Headline (aim for {n} characters or fewer)</source>
      <translation>제목 ({n}자 이내 권장)</translation>
    </message>
    <message>
      <source>{n}/{target} chars · PC {desktop} line(s) · mobile {mobile} line(s)</source>
      <translation>{n}/{target}자 · PC {desktop}줄 · 모바일 {mobile}줄</translation>
    </message>
    <message>
      <source>{n} chars · {lines} line(s)</source>
      <translation>{n}자 · {lines}줄</translation>
    </message>
  </context>
  <context>
    <name>ArticleStatusBar</name>
    <message>
      <source>● Unsaved changes</source>
      <translation>● 저장하지 않은 변경</translation>
    </message>
    <message>
      <source>Not saved yet</source>
      <translation>아직 저장 안 함</translation>
    </message>
    <message>
      <source>Saved</source>
      <translation>저장됨</translation>
    </message>
    <message>
      <source>{with_spaces} chars · {without} without spaces</source>
      <translation>{with_spaces}자 · 공백 제외 {without}자</translation>
    </message>
    <message>
      <source>{pages} manuscript pages</source>
      <translation>원고지 {pages}매</translation>
    </message>
    <message>
      <source>{minutes} min read</source>
      <translation>읽는 시간 {minutes}분</translation>
    </message>
  </context>
  <context>
    <name>AuthorsEditor</name>
    <message>
      <source>+ Add reporter</source>
      <translation>+ 기자 추가</translation>
    </message>
    <message>
      <source>Name (e.g. 홍길동)</source>
      <translation>이름 (예: 홍길동)</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>이메일</translation>
    </message>
    <message>
      <source>Remove this reporter</source>
      <translation>이 기자 빼기</translation>
    </message>
  </context>
  <context>
    <name>BodyEditor</name>
    <message>
      <source>Formatting</source>
      <translation>서식</translation>
    </message>
    <message>
      <source>Bold</source>
      <translation>굵게</translation>
    </message>
    <message>
      <source>Italic</source>
      <translation>기울임</translation>
    </message>
    <message>
      <source>Heading</source>
      <translation>소제목</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>인용</translation>
    </message>
    <message>
      <source>Bulleted List</source>
      <translation>글머리 목록</translation>
    </message>
    <message>
      <source>Numbered List</source>
      <translation>번호 목록</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>링크</translation>
    </message>
    <message>
      <source>Image</source>
      <translation>사진</translation>
    </message>
    <message>
      <source>Image…</source>
      <translation>사진 넣기…</translation>
    </message>
    <message>
      <source>Horizontal Rule</source>
      <translation>구분선</translation>
    </message>
    <message>
      <source>link text</source>
      <translation>링크 글자</translation>
    </message>
    <message>
      <source>Image not added</source>
      <translation>사진을 넣지 못했습니다</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export Article</source>
      <translation>기사 내보내기</translation>
    </message>
    <message>
      <source>Markdown bundle (index.md + images)</source>
      <translation>마크다운 묶음 (index.md + 사진)</translation>
    </message>
    <message>
      <source>HTML bundle (page, styles, sized images)</source>
      <translation>HTML 묶음 (페이지, 스타일, 크기별 사진)</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>폴더</translation>
    </message>
    <message>
      <source>Zip file</source>
      <translation>ZIP 압축 파일</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>찾아보기…</translation>
    </message>
    <message>
      <source>Replace an earlier export of this article</source>
      <translation>이 기사의 이전 내보내기 덮어쓰기</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>내보내기</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>형식</translation>
    </message>
    <message>
      <source>Package as</source>
      <translation>묶는 방식</translation>
    </message>
    <message>
      <source>Destination</source>
      <translation>저장 위치</translation>
    </message>
    <message>
      <source>Export failed</source>
      <translation>내보내기 실패</translation>
    </message>
  </context>
  <context>
    <name>LeadImagePanel</name>
    <message>
      <source>Choose…</source>
      <translation>선택…</translation>
    </message>
    <message>
      <source>Paste</source>
      <translation>붙여넣기</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>삭제</translation>
    </message>
    <message>
      <source>Describe the photo for readers who cannot see it</source>
      <translation>사진을 볼 수 없는 독자를 위한 설명</translation>
    </message>
    <message>
      <source>▲ What the photo shows</source>
      <translation>▲ 사진 설명</translation>
    </message>
    <message>
      <source>e.g. 사진=세종시 제공</source>
      <translation>예: 사진=세종시 제공</translation>
    </message>
    <message>
      <source>Alt text</source>
      <translation>대체 텍스트</translation>
    </message>
    <message>
      <source>Caption</source>
      <translation>캡션</translation>
    </message>
    <message>
      <source>Credit</source>
      <translation>출처</translation>
    </message>
    <message>
      <source>Lead image not changed</source>
      <translation>대표 사진을 바꾸지 못했습니다</translation>
    </message>
    <message>
      <source>Paste image</source>
      <translation>사진 붙여넣기</translation>
    </message>
    <message>
      <source>The clipboard holds no image.</source>
      <translation>클립보드에 사진이 없습니다.</translation>
    </message>
    <message>
      <source>Replace…</source>
      <translation>바꾸기…</translation>
    </message>
    <message>
      <source>No lead image
Drop or paste a photo here</source>
      <translation>대표 사진 없음
사진을 끌어 놓거나 붙여넣으세요</translation>
    </message>
    <message>
      <source>Image missing:
{src}</source>
      <translation>사진 파일 없음:
{src}</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;Find…</source>
      <translation>찾기(&amp;F)…</translation>
    </message>
    <message>
      <source>R&amp;eplace…</source>
      <translation>바꾸기(&amp;E)…</translation>
    </message>
    <message>
      <source>Find &amp;Next</source>
      <translation>다음 찾기(&amp;N)</translation>
    </message>
    <message>
      <source>Find Pre&amp;vious</source>
      <translation>이전 찾기(&amp;V)</translation>
    </message>
    <message>
      <source>Could not open the article</source>
      <translation>기사를 열지 못했습니다</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>미리보기</translation>
    </message>
    <message>
      <source>Could not save the article</source>
      <translation>기사를 저장하지 못했습니다</translation>
    </message>
    <message>
      <source>Saved {name}</source>
      <translation>{name} 저장함</translation>
    </message>
    <message>
      <source>Untitled article</source>
      <translation>제목 없는 기사</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>도움말(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;About Article Editor</source>
      <translation>기사 편집기 정보(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>파일(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;New</source>
      <translation>새 기사(&amp;N)</translation>
    </message>
    <message>
      <source>New &amp;Window</source>
      <translation>새 창(&amp;W)</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>열기(&amp;O)…</translation>
    </message>
    <message>
      <source>Open Page &amp;Bundle Folder…</source>
      <translation>페이지 묶음 폴더 열기(&amp;B)…</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>최근 기사(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>저장(&amp;S)</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Export…</source>
      <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>닫기(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>편집(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>잘라내기(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>복사(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>붙여넣기(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Format</source>
      <translation>서식(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>보기(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Desktop Layout</source>
      <translation>PC 화면(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Mobile Layout, {width} px</source>
      <translation>모바일 화면 {width}px(&amp;M)</translation>
    </message>
    <message>
      <source>&amp;Side by Side</source>
      <translation>나란히 보기(&amp;S)</translation>
    </message>
    <message>
      <source>No recent articles</source>
      <translation>최근 기사 없음</translation>
    </message>
    <message>
      <source>Clear List</source>
      <translation>목록 지우기</translation>
    </message>
    <message>
      <source>About Article Editor</source>
      <translation>기사 편집기 정보</translation>
    </message>
    <message>
      <source>Article Editor {version}

Write, preview and export articles for the site, offline.</source>
      <translation>기사 편집기 {version}

인터넷 연결 없이 기사를 쓰고, 사이트 모습으로 미리 보고, 내보냅니다.</translation>
    </message>
    <message>
      <source>Autosave failed: {reason}</source>
      <translation>자동 저장 실패: {reason}</translation>
    </message>
  </context>
  <context>
    <name>MarkdownTextEdit</name>
    <message>
      <source>Write the article body in Markdown…</source>
      <translation>본문을 마크다운으로 쓰세요…</translation>
    </message>
  </context>
  <context>
    <name>PreviewPane</name>
    <message>
      <source>Preview — {name}</source>
      <translation>미리보기 — {name}</translation>
    </message>
    <message>
      <source>Share card</source>
      <translation>공유 카드</translation>
    </message>
    <message>
      <source>The body is too long to preview, so the preview is paused ({count} characters). Export and saving work as usual.</source>
      <translation>본문이 너무 길어 미리보기를 잠시 멈췄습니다 ({count}자). 내보내기와 저장은 그대로 됩니다.</translation>
    </message>
  </context>
  <context>
    <name>ShareCard</name>
    <message>
      <source>(no headline)</source>
      <translation>(제목 없음)</translation>
    </message>
    <message>
      <source>No image</source>
      <translation>사진 없음</translation>
    </message>
  </context>
  <context>
    <name>messages</name>
    <message>
      <source>A Markdown page keeps only the article. The {notes} desk note(s) and {revisions} revision(s) stay in the .article file only and are not in the .md.

Save as Markdown anyway?</source>
      <translation>마크다운 페이지에는 기사만 남습니다. 데스크 메모 {notes}개와 수정 이력 {revisions}개는 .article 파일에만 있고 .md에는 저장되지 않습니다.

그래도 마크다운으로 저장할까요?</translation>
    </message>
    <message>
      <source>Clear Them</source>
      <translation>지우기</translation>
    </message>
    <message>
      <source>Keep Them</source>
      <translation>그대로 두기</translation>
    </message>
    <message>
      <source>Replace lead photo</source>
      <translation>대표 사진 바꾸기</translation>
    </message>
    <message>
      <source>Save as Markdown</source>
      <translation>마크다운으로 저장</translation>
    </message>
    <message>
      <source>The new photo still has the old photo's alt text, caption and credit.

Clear them, so a wrong credit is not published with the new photo?</source>
      <translation>새 사진에 이전 사진의 대체 텍스트·캡션·출처가 그대로 남아 있습니다.

잘못된 출처가 새 사진과 함께 나가지 않도록 지울까요?</translation>
    </message>
    <message>
      <source>The article “{name}” has unsaved changes. Save them first?</source>
      <translation>“{name}” 기사에 저장하지 않은 변경이 있습니다. 먼저 저장할까요?</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>저장하지 않은 변경</translation>
    </message>
    <message>
      <source>The export was written to:
{folder}

Open the folder?</source>
      <translation>다음 위치로 내보냈습니다:
{folder}

폴더를 열까요?</translation>
    </message>
    <message>
      <source>Export finished</source>
      <translation>내보내기 완료</translation>
    </message>
    <message>
      <source>Articles (*.article *.md *.markdown);;All files (*)</source>
      <translation>기사 (*.article *.md *.markdown);;모든 파일 (*)</translation>
    </message>
    <message>
      <source>Open Article</source>
      <translation>기사 열기</translation>
    </message>
    <message>
      <source>Open Page Bundle Folder</source>
      <translation>페이지 묶음 폴더 열기</translation>
    </message>
    <message>
      <source>Article document (*.article)</source>
      <translation>기사 문서 (*.article)</translation>
    </message>
    <message>
      <source>Markdown page (*.md)</source>
      <translation>마크다운 페이지 (*.md)</translation>
    </message>
    <message>
      <source>Page-bundle folder: index.md and images (*)</source>
      <translation>페이지 묶음 폴더: index.md와 이미지 (*)</translation>
    </message>
    <message>
      <source>A page-bundle folder keeps only the article and its images. The {notes} desk note(s) and {revisions} revision(s) stay in the .article file only and are not in the folder.

Save as a folder anyway?</source>
      <translation>페이지 묶음 폴더에는 기사와 이미지만 남습니다. 데스크 메모 {notes}개와 수정 이력 {revisions}개는 .article 파일에만 있고 폴더에는 저장되지 않습니다.

그래도 폴더로 저장할까요?</translation>
    </message>
    <message>
      <source>Save as page-bundle folder</source>
      <translation>페이지 묶음 폴더로 저장</translation>
    </message>
    <message>
      <source>Save Article As</source>
      <translation>다른 이름으로 저장</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.gif *.webp)</source>
      <translation>사진 (*.jpg *.jpeg *.png *.gif *.webp)</translation>
    </message>
    <message>
      <source>Choose Image</source>
      <translation>사진 선택</translation>
    </message>
    <message>
      <source>Export To</source>
      <translation>내보낼 위치</translation>
    </message>
    <message>
      <source>The document was refused because it looks unsafe.</source>
      <translation>안전하지 않아 보여 문서를 열지 않았습니다.</translation>
    </message>
    <message>
      <source>The document could not be read or written.</source>
      <translation>문서를 읽거나 쓸 수 없습니다.</translation>
    </message>
    <message>
      <source>The image cannot be used.</source>
      <translation>이 사진은 쓸 수 없습니다.</translation>
    </message>
    <message>
      <source>The export could not be written.</source>
      <translation>내보내기 파일을 쓸 수 없습니다.</translation>
    </message>
    <message>
      <source>The site profile is missing or broken.</source>
      <translation>사이트 설정이 없거나 손상되었습니다.</translation>
    </message>
    <message>
      <source>The file system refused the operation.</source>
      <translation>파일 시스템이 작업을 거부했습니다.</translation>
    </message>
    <message>
      <source>Something went wrong.</source>
      <translation>문제가 생겼습니다.</translation>
    </message>
    <message>
      <source>Another program changed “{name}” while it was open here.</source>
      <translation>이 앱에서 “{name}”을(를) 여는 동안 다른 프로그램이 파일을 바꿨습니다.</translation>
    </message>
    <message>
      <source>Keep Editing</source>
      <translation>계속 편집</translation>
    </message>
    <message>
      <source>Open Anyway</source>
      <translation>그래도 열기</translation>
    </message>
    <message>
      <source>Overwrite</source>
      <translation>덮어쓰기</translation>
    </message>
    <message>
      <source>Reload</source>
      <translation>다시 불러오기</translation>
    </message>
    <message>
      <source>Reload it and lose the changes made here, or keep editing?</source>
      <translation>다시 불러오면 여기서 고친 내용이 사라집니다. 다시 불러올까요, 계속 편집할까요?</translation>
    </message>
    <message>
      <source>Reload it, or keep the version shown here?</source>
      <translation>다시 불러올까요, 지금 보이는 판을 유지할까요?</translation>
    </message>
    <message>
      <source>Save As…</source>
      <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
      <source>The article is open elsewhere</source>
      <translation>다른 곳에서 열려 있는 기사</translation>
    </message>
    <message>
      <source>The file changed on disk</source>
      <translation>디스크의 파일이 바뀜</translation>
    </message>
    <message>
      <source>The file is gone</source>
      <translation>파일이 사라짐</translation>
    </message>
    <message>
      <source>The file was changed by another program</source>
      <translation>다른 프로그램이 파일을 바꿈</translation>
    </message>
    <message>
      <source>The file “{name}” was changed by another program since you opened it. Overwrite it with your version, save yours under another name, or cancel?</source>
      <translation>“{name}” 파일을 연 뒤 다른 프로그램이 파일을 바꿨습니다. 내 판으로 덮어쓸까요, 다른 이름으로 저장할까요, 취소할까요?</translation>
    </message>
    <message>
      <source>“{name}” is already open on {host} (user {user}, since {since}). If you both edit it, one of you will overwrite the other's work. Open it anyway?</source>
      <translation>“{name}”은(는) 이미 {host}에서 열려 있습니다(사용자 {user}, {since}부터). 둘 다 고치면 한쪽이 다른 쪽 작업을 덮어씁니다. 그래도 열까요?</translation>
    </message>
    <message>
      <source>“{name}” was removed or renamed by another program. Your text is still here; saving writes the file again.</source>
      <translation>다른 프로그램이 “{name}”을(를) 지우거나 이름을 바꿨습니다. 글은 그대로 남아 있으며, 저장하면 파일을 다시 씁니다.</translation>
    </message>
    <message>
      <source>The pre-publish checklist still finds {count} error(s).

{details}

Export anyway?</source>
      <translation>발행 전 점검에 오류가 {count}개 남아 있습니다.

{details}

그래도 내보낼까요?</translation>
    </message>
    <message>
      <source>Checklist errors</source>
      <translation>점검 오류</translation>
    </message>
    <message>
      <source>Put the text of the revision “{when}” back into the editor?

The body change can be undone; the next save records it as a new revision.</source>
      <translation>“{when}” 판의 내용을 편집기로 되살릴까요?

본문 변경은 실행 취소할 수 있고, 다음 저장 때 새 판으로 기록됩니다.</translation>
    </message>
    <message>
      <source>Restore revision</source>
      <translation>판 되살리기</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>The file does not exist.</source>
      <translation>파일이 없습니다.</translation>
    </message>
    <message>
      <source>This is a folder, not a file.</source>
      <translation>파일이 아니라 폴더입니다.</translation>
    </message>
    <message>
      <source>This is not a folder.</source>
      <translation>폴더가 아닙니다.</translation>
    </message>
    <message>
      <source>This is not a regular file (a pipe or a device?).</source>
      <translation>일반 파일이 아닙니다(파이프나 장치일 수 있습니다).</translation>
    </message>
    <message>
      <source>There is no permission to read this file.</source>
      <translation>이 파일을 읽을 권한이 없습니다.</translation>
    </message>
    <message>
      <source>The file could not be read ({reason}).</source>
      <translation>파일을 읽을 수 없습니다({reason}).</translation>
    </message>
    <message>
      <source>The folder could not be opened ({reason}).</source>
      <translation>폴더를 열 수 없습니다({reason}).</translation>
    </message>
    <message>
      <source>The folder could not be created ({reason}).</source>
      <translation>폴더를 만들 수 없습니다({reason}).</translation>
    </message>
    <message>
      <source>The file is too large ({size} bytes).</source>
      <translation>파일이 너무 큽니다({size}바이트).</translation>
    </message>
    <message>
      <source>{name} is too large ({size} bytes; the limit is {limit}).</source>
      <translation>{name} 파일이 너무 큽니다({size}바이트, 한도 {limit}바이트).</translation>
    </message>
    <message>
      <source>{name} is too large.</source>
      <translation>{name} 파일이 너무 큽니다.</translation>
    </message>
    <message>
      <source>{name} could not be read ({reason}).</source>
      <translation>{name} 파일을 읽을 수 없습니다({reason}).</translation>
    </message>
    <message>
      <source>{name} does not exist.</source>
      <translation>{name} 파일이 없습니다.</translation>
    </message>
    <message>
      <source>{name} is a link or not a plain file; links are never followed.</source>
      <translation>{name}은(는) 링크이거나 일반 파일이 아닙니다. 링크는 따라가지 않습니다.</translation>
    </message>
    <message>
      <source>The path {name!r} leaves the folder.</source>
      <translation>경로 “{name}”이(가) 폴더 밖을 가리킵니다.</translation>
    </message>
    <message>
      <source>The file is not UTF-8 text (byte {byte} is not valid).</source>
      <translation>UTF-8 텍스트 파일이 아닙니다({byte}번째 바이트가 올바르지 않습니다).</translation>
    </message>
    <message>
      <source>The document is nested too deeply to read.</source>
      <translation>문서 구조가 너무 깊어 읽을 수 없습니다.</translation>
    </message>
    <message>
      <source>The document is damaged and cannot be read ({reason}).</source>
      <translation>문서가 손상되어 읽을 수 없습니다({reason}).</translation>
    </message>
    <message>
      <source>The folder has no index.md, so it is not a page bundle.</source>
      <translation>폴더에 index.md가 없어 페이지 묶음이 아닙니다.</translation>
    </message>
    <message>
      <source>The folder holds too many files.</source>
      <translation>폴더에 파일이 너무 많습니다.</translation>
    </message>
    <message>
      <source>The folder holds more than 1 GiB.</source>
      <translation>폴더 크기가 1GiB를 넘습니다.</translation>
    </message>
    <message>
      <source>The folder holds two files named {name}.</source>
      <translation>폴더에 {name}이라는 이름의 파일이 둘 있습니다.</translation>
    </message>
    <message>
      <source>The images add up to too much.</source>
      <translation>사진을 모두 합친 크기가 너무 큽니다.</translation>
    </message>
    <message>
      <source>The document uses a zip feature this app cannot read ({reason}).</source>
      <translation>이 앱이 읽을 수 없는 zip 기능을 쓴 문서입니다({reason}).</translation>
    </message>
    <message>
      <source>This is not an Article Editor document (not a zip file, or it is truncated).</source>
      <translation>기사 편집기 문서가 아닙니다(zip 파일이 아니거나 잘렸습니다).</translation>
    </message>
    <message>
      <source>The document has no index.md.</source>
      <translation>문서에 index.md가 없습니다.</translation>
    </message>
    <message>
      <source>index.md is not UTF-8 text (byte {byte} is not valid).</source>
      <translation>index.md가 UTF-8 텍스트가 아닙니다({byte}번째 바이트가 올바르지 않습니다).</translation>
    </message>
    <message>
      <source>The article cannot be saved: it could not be opened again ({reason})</source>
      <translation>기사를 저장할 수 없습니다. 저장하면 다시 열 수 없기 때문입니다({reason})</translation>
    </message>
    <message>
      <source>Private data key {key!r} is not allowed.</source>
      <translation>내부 데이터 키 “{key}”은(는) 쓸 수 없습니다.</translation>
    </message>
    <message>
      <source>The document has {count} entries; the limit is {limit}.</source>
      <translation>문서에 항목이 {count}개 있습니다. 한도는 {limit}개입니다.</translation>
    </message>
    <message>
      <source>The document contains an entry without a name.</source>
      <translation>문서에 이름 없는 항목이 있습니다.</translation>
    </message>
    <message>
      <source>The document unpacks to more than 1 GiB.</source>
      <translation>문서를 풀면 1GiB를 넘습니다.</translation>
    </message>
    <message>
      <source>The document unpacks to far more than its size (a zip bomb?).</source>
      <translation>문서를 풀면 원래 크기보다 지나치게 커집니다(zip 폭탄일 수 있습니다).</translation>
    </message>
    <message>
      <source>The document holds two entries named {name}.</source>
      <translation>문서에 {name}이라는 이름의 항목이 둘 있습니다.</translation>
    </message>
    <message>
      <source>The document contains a link ({name}).</source>
      <translation>문서에 링크가 들어 있습니다({name}).</translation>
    </message>
    <message>
      <source>The document contains an absolute path ({name}).</source>
      <translation>문서에 절대 경로가 들어 있습니다({name}).</translation>
    </message>
    <message>
      <source>The document contains a path that leaves it ({name!r}).</source>
      <translation>문서 밖을 가리키는 경로가 들어 있습니다(“{name}”).</translation>
    </message>
    <message>
      <source>The document contains an unusable name ({name!r}).</source>
      <translation>문서에 쓸 수 없는 이름이 들어 있습니다(“{name}”).</translation>
    </message>
    <message>
      <source>The entry {name} is too large ({size} bytes).</source>
      <translation>항목 {name}이(가) 너무 큽니다({size}바이트).</translation>
    </message>
    <message>
      <source>The entry {name} is compressed suspiciously well (a zip bomb?).</source>
      <translation>항목 {name}의 압축률이 의심스러울 만큼 높습니다(zip 폭탄일 수 있습니다).</translation>
    </message>
    <message>
      <source>The entry {name} is damaged ({reason}).</source>
      <translation>항목 {name}이(가) 손상되었습니다({reason}).</translation>
    </message>
    <message>
      <source>The entry {name} is larger than it claims.</source>
      <translation>항목 {name}이(가) 밝힌 크기보다 큽니다.</translation>
    </message>
    <message>
      <source>The editor data {name} is damaged.</source>
      <translation>편집기 데이터 {name}이(가) 손상되었습니다.</translation>
    </message>
    <message>
      <source>The article has {count} images; the limit is {limit}.</source>
      <translation>기사에 사진이 {count}장 있습니다. 한도는 {limit}장입니다.</translation>
    </message>
    <message>
      <source>An image is larger than 256 MiB; it cannot be saved.</source>
      <translation>256MiB가 넘는 사진이 있어 저장할 수 없습니다.</translation>
    </message>
    <message>
      <source>The images add up to more than 1 GiB; they cannot be saved.</source>
      <translation>사진을 모두 합치면 1GiB가 넘어 저장할 수 없습니다.</translation>
    </message>
    <message>
      <source>index.md would be {size} bytes; the limit is {limit} (32 MiB), so it could not be opened again. Nothing was saved.</source>
      <translation>index.md가 {size}바이트가 됩니다. 한도는 {limit}바이트(32MiB)라 다시 열 수 없으므로 저장하지 않았습니다.</translation>
    </message>
    <message>
      <source>The disk is full; nothing was changed.</source>
      <translation>디스크가 가득 찼습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
      <source>There is no permission to write here; nothing was changed.</source>
      <translation>이곳에 쓸 권한이 없습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
      <source>The file could not be written ({reason}); nothing was changed.</source>
      <translation>파일을 쓸 수 없습니다({reason}). 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
      <source>The file was changed by another program since it was opened.</source>
      <translation>파일을 연 뒤 다른 프로그램이 파일을 바꿨습니다.</translation>
    </message>
    <message>
      <source>The file could not be read back after saving.</source>
      <translation>저장한 뒤 파일을 다시 읽을 수 없습니다.</translation>
    </message>
    <message>
      <source>The file already exists (use --force to replace it).</source>
      <translation>파일이 이미 있습니다(바꾸려면 --force를 주십시오).</translation>
    </message>
    <message>
      <source>The front matter uses too many YAML aliases.</source>
      <translation>머리말에 YAML 별칭이 너무 많습니다.</translation>
    </message>
    <message>
      <source>The front matter has an alias that contains itself.</source>
      <translation>머리말에 자기 자신을 담은 별칭이 있습니다.</translation>
    </message>
    <message>
      <source>The front matter's aliases expand to more than 1 MiB when written.</source>
      <translation>머리말의 별칭을 펼치면 1MiB가 넘습니다.</translation>
    </message>
    <message>
      <source>The front matter is larger than 1 MiB.</source>
      <translation>머리말이 1MiB보다 큽니다.</translation>
    </message>
    <message>
      <source>The front matter would be larger than 1 MiB, so it could not be opened again; nothing was saved.</source>
      <translation>머리말이 1MiB보다 커져 다시 열 수 없으므로 저장하지 않았습니다.</translation>
    </message>
    <message>
      <source>The front matter has a value tagged as a date that is not one: {value!r} (line {line}).</source>
      <translation>머리말에 날짜로 표시했지만 날짜가 아닌 값이 있습니다: “{value}”({line}번째 줄).</translation>
    </message>
    <message>
      <source>The front matter is not valid YAML (line {line}, column {column}): {reason}.</source>
      <translation>머리말이 올바른 YAML이 아닙니다({line}번째 줄 {column}번째 칸): {reason}.</translation>
    </message>
    <message>
      <source>The front matter is not valid YAML ({reason}).</source>
      <translation>머리말이 올바른 YAML이 아닙니다({reason}).</translation>
    </message>
    <message>
      <source>The front matter must be a set of keys and values.</source>
      <translation>머리말은 키와 값의 모음이어야 합니다.</translation>
    </message>
    <message>
      <source>The front matter key '{key}' must be text, not a list.</source>
      <translation>머리말의 “{key}” 값은 목록이 아니라 글이어야 합니다.</translation>
    </message>
    <message>
      <source>The front matter key '{key}' must be text, not a mapping.</source>
      <translation>머리말의 “{key}” 값은 키-값 모음이 아니라 글이어야 합니다.</translation>
    </message>
    <message>
      <source>The front matter key 'tags' must be a list of words.</source>
      <translation>머리말의 “tags” 값은 낱말 목록이어야 합니다.</translation>
    </message>
    <message>
      <source>The front matter key 'lead_image' must be a mapping with src, alt, caption and credit.</source>
      <translation>머리말의 “lead_image” 값은 src, alt, caption, credit을 담은 모음이어야 합니다.</translation>
    </message>
    <message>
      <source>The front matter key 'target' must be {{pages: N}} or {{chars: N}}.</source>
      <translation>머리말의 “target” 값은 {{pages: N}}이나 {{chars: N}} 꼴이어야 합니다.</translation>
    </message>
    <message>
      <source>The front matter key '{key}' is not a date and time: {value!r}.</source>
      <translation>머리말의 “{key}” 값이 날짜와 시각이 아닙니다: “{value}”.</translation>
    </message>
    <message>
      <source>The image is too large to open safely.</source>
      <translation>사진이 너무 커서 안전하게 열 수 없습니다.</translation>
    </message>
    <message>
      <source>The file is not an image, or it is damaged.</source>
      <translation>사진 파일이 아니거나 손상되었습니다.</translation>
    </message>
    <message>
      <source>Images must be JPEG, PNG, GIF or WebP, not {format}.</source>
      <translation>사진은 JPEG, PNG, GIF, WebP여야 합니다({format}은(는) 받지 않습니다).</translation>
    </message>
    <message>
      <source>The image has {width}x{height} pixels; the limit is {limit} megapixels.</source>
      <translation>사진이 {width}×{height}픽셀입니다. 한도는 {limit}메가픽셀입니다.</translation>
    </message>
    <message>
      <source>The animation has {frames} frames of {width}x{height} pixels; the limit is {limit} megapixels in all frames.</source>
      <translation>움직이는 그림이 {width}×{height}픽셀 {frames}프레임입니다. 한도는 모든 프레임을 합쳐 {limit}메가픽셀입니다.</translation>
    </message>
    <message>
      <source>The image would take {mb} MB to show from a {kb} KB file (a decompression bomb); it is not opened.</source>
      <translation>이 사진은 {kb}KB 파일을 보여 주는 데 {mb}MB가 필요합니다(압축 폭탄). 열지 않았습니다.</translation>
    </message>
    <message>
      <source>The image is damaged and cannot be decoded.</source>
      <translation>사진이 손상되어 풀 수 없습니다.</translation>
    </message>
    <message>
      <source>The image could not be processed ({reason}).</source>
      <translation>사진을 처리할 수 없습니다({reason}).</translation>
    </message>
    <message>
      <source>The image's metadata is damaged ({reason}).</source>
      <translation>사진의 메타데이터가 손상되었습니다({reason}).</translation>
    </message>
    <message>
      <source>The animation is damaged ({reason}).</source>
      <translation>움직이는 그림이 손상되었습니다({reason}).</translation>
    </message>
    <message>
      <source>Unknown export format {format!r}; use markdown or html.</source>
      <translation>알 수 없는 내보내기 형식 “{format}”입니다. markdown이나 html을 쓰십시오.</translation>
    </message>
    <message>
      <source>Unknown layout {layout!r}; use hugo or jekyll.</source>
      <translation>알 수 없는 배치 “{layout}”입니다. hugo나 jekyll을 쓰십시오.</translation>
    </message>
    <message>
      <source>Export is not available yet in this build.</source>
      <translation>이 빌드에서는 아직 내보내기를 쓸 수 없습니다.</translation>
    </message>
    <message>
      <source>The export would replace the article being exported (its own folder); nothing was changed. Choose another folder.</source>
      <translation>내보내면 내보내는 기사 자체(그 폴더)를 덮어씁니다. 아무것도 바뀌지 않았습니다. 다른 폴더를 고르십시오.</translation>
    </message>
    <message>
      <source>A bundle with this name already exists; choose another folder, or allow replacing it if it is an earlier export of this article.</source>
      <translation>같은 이름의 묶음이 이미 있습니다. 다른 폴더를 고르거나, 이 기사를 전에 내보낸 것이라면 바꾸기를 허락하십시오.</translation>
    </message>
    <message>
      <source>Something else than a bundle is in the way; nothing was changed.</source>
      <translation>묶음이 아닌 다른 것이 그 자리에 있습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
      <source>This is not an earlier export of this article ({reason}), so it was not replaced; nothing was changed. Choose another folder, or remove it yourself.</source>
      <translation>이 기사를 전에 내보낸 것이 아니므로({reason}) 바꾸지 않았습니다. 아무것도 바뀌지 않았습니다. 다른 폴더를 고르거나 직접 지우십시오.</translation>
    </message>
    <message>
      <source>it could not be checked: {reason}</source>
      <translation>확인할 수 없었습니다: {reason}</translation>
    </message>
    <message>
      <source>it has no export marker</source>
      <translation>내보내기 표지가 없습니다</translation>
    </message>
    <message>
      <source>its export marker names another article</source>
      <translation>내보내기 표지가 다른 기사를 가리킵니다</translation>
    </message>
    <message>
      <source>it holds files the export did not write: {names}</source>
      <translation>내보내기가 쓰지 않은 파일이 있습니다: {names}</translation>
    </message>
    <message>
      <source>The folder cannot be written ({reason}).</source>
      <translation>폴더에 쓸 수 없습니다({reason}).</translation>
    </message>
    <message>
      <source>The bundle could not be written ({reason}); nothing was left behind.</source>
      <translation>묶음을 쓸 수 없습니다({reason}). 남긴 것은 없습니다.</translation>
    </message>
    <message>
      <source>There is no site profile named {name!r}.</source>
      <translation>“{name}”이라는 사이트 프로필이 없습니다.</translation>
    </message>
    <message>
      <source>The site profile has no site.yaml.</source>
      <translation>사이트 프로필에 site.yaml이 없습니다.</translation>
    </message>
    <message>
      <source>site.yaml has no name.</source>
      <translation>site.yaml에 name(사이트 이름)이 없습니다.</translation>
    </message>
    <message>
      <source>The file cannot be read: {reason}</source>
      <translation>파일을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
      <source>The file is not valid YAML on line {line}.</source>
      <translation>파일이 올바른 YAML이 아닙니다({line}번째 줄).</translation>
    </message>
    <message>
      <source>The file is not valid YAML.</source>
      <translation>파일이 올바른 YAML이 아닙니다.</translation>
    </message>
    <message>
      <source>{name} must be a mapping of settings.</source>
      <translation>{name}은(는) 설정의 모음이어야 합니다.</translation>
    </message>
    <message>
      <source>base_url must be an absolute http:// or https:// address, not {url!r}.</source>
      <translation>base_url은 http:// 또는 https://로 시작하는 절대 주소여야 합니다(“{url}”은(는) 아닙니다).</translation>
    </message>
    <message>
      <source>article_path must contain {{slug}}.</source>
      <translation>article_path에 {{slug}}가 있어야 합니다.</translation>
    </message>
    <message>
      <source>A file the profile names is missing.</source>
      <translation>프로필이 가리키는 파일이 없습니다.</translation>
    </message>
    <message>
      <source>The profile has no asset named {name}.</source>
      <translation>프로필에 {name}이라는 자산이 없습니다.</translation>
    </message>
    <message>
      <source>Template error on line {line}: {reason}</source>
      <translation>템플릿 {line}번째 줄에 오류가 있습니다: {reason}</translation>
    </message>
    <message>
      <source>The template is missing.</source>
      <translation>템플릿이 없습니다.</translation>
    </message>
    <message>
      <source>{url!r} is not a web address (give http://… or https://…).</source>
      <translation>“{url}”은(는) 웹 주소가 아닙니다(http://… 또는 https://…로 주십시오).</translation>
    </message>
    <message>
      <source>{url} does not answer ({reason}).</source>
      <translation>{url}이(가) 응답하지 않습니다({reason}).</translation>
    </message>
    <message>
      <source>{url} did not answer within 5 minutes.</source>
      <translation>{url}이(가) 5분 안에 응답하지 않았습니다.</translation>
    </message>
    <message>
      <source>The site answered with something that is not JSON.</source>
      <translation>사이트가 JSON이 아닌 것으로 응답했습니다.</translation>
    </message>
    <message>
      <source>The site refused: {words}</source>
      <translation>사이트가 거부했습니다: {words}</translation>
    </message>
    <message>
      <source>The site answered: {words}</source>
      <translation>사이트의 응답: {words}</translation>
    </message>
    <message>
      <source>Unknown publish target {kind!r}; use wordpress or git.</source>
      <translation>알 수 없는 발행 대상 “{kind}”입니다. wordpress나 git을 쓰십시오.</translation>
    </message>
    <message>
      <source>Unknown site layout {layout!r}; use hugo or jekyll.</source>
      <translation>알 수 없는 사이트 배치 “{layout}”입니다. hugo나 jekyll을 쓰십시오.</translation>
    </message>
    <message>
      <source>A WordPress target needs the site's address and a user name.</source>
      <translation>WordPress 대상에는 사이트 주소와 사용자 이름이 있어야 합니다.</translation>
    </message>
    <message>
      <source>A Git target needs the repository (a path or URL).</source>
      <translation>Git 대상에는 저장소(경로나 URL)가 있어야 합니다.</translation>
    </message>
    <message>
      <source>The environment variable {name} is empty or unset.</source>
      <translation>환경 변수 {name}이(가) 비어 있거나 없습니다.</translation>
    </message>
    <message>
      <source>No password is kept for {user} at {url}: save it in Settings ▸ Publishing, or give one with --password-env.</source>
      <translation>{url}의 {user} 계정 비밀번호가 저장되어 있지 않습니다. 설정 ▸ 발행에서 저장하거나 --password-env로 주십시오.</translation>
    </message>
    <message>
      <source>Git is not installed (install git to publish to a site).</source>
      <translation>Git이 설치되어 있지 않습니다(사이트에 발행하려면 git을 설치하십시오).</translation>
    </message>
    <message>
      <source>Git refused: {words}</source>
      <translation>Git이 거부했습니다: {words}</translation>
    </message>
    <message>
      <source>There is no repository at {repo}.</source>
      <translation>{repo}에 저장소가 없습니다.</translation>
    </message>
    <message>
      <source>{name} was changed in the repository since it was last sent; nothing was overwritten.</source>
      <translation>지난번에 보낸 뒤 저장소에서 {name}이(가) 바뀌었습니다. 아무것도 덮어쓰지 않았습니다.</translation>
    </message>
    <message>
      <source>{name} in the repository is a link; nothing was written.</source>
      <translation>저장소의 {name}은(는) 링크입니다. 아무것도 쓰지 않았습니다.</translation>
    </message>
    <message>
      <source>The post was edited on the web since it was last sent ({modified} UTC); nothing was overwritten.</source>
      <translation>지난번에 보낸 뒤 웹에서 글이 고쳐졌습니다(UTC {modified}). 아무것도 덮어쓰지 않았습니다.</translation>
    </message>
    <message>
      <source>A secret needs a name (the account it belongs to).</source>
      <translation>비밀 정보에는 이름(계정)이 있어야 합니다.</translation>
    </message>
    <message>
      <source>No usable keyring was found to keep the password safe. Install and unlock one (GNOME Keyring or KWallet on Linux), or give the password through an environment variable (--password-env).</source>
      <translation>비밀번호를 안전하게 보관할 키링을 찾지 못했습니다. 키링(리눅스에서는 GNOME Keyring이나 KWallet)을 설치하고 잠금을 풀거나, 환경 변수로 비밀번호를 주십시오(--password-env).</translation>
    </message>
    <message>
      <source>The keyring is locked; unlock it and try again.</source>
      <translation>키링이 잠겨 있습니다. 잠금을 풀고 다시 하십시오.</translation>
    </message>
    <message>
      <source>The keyring refused ({reason}).</source>
      <translation>키링이 거부했습니다({reason}).</translation>
    </message>
    <message>
      <source>The pattern is not a valid regular expression (look near character {position}).</source>
      <translation>찾을 패턴이 올바른 정규 표현식이 아닙니다({position}번째 글자 근처를 보십시오).</translation>
    </message>
    <message>
      <source>The replacement is not valid: it names a group the pattern does not have, or ends in a lone backslash.</source>
      <translation>바꿀 내용이 올바르지 않습니다. 패턴에 없는 묶음을 가리키거나 역슬래시 하나로 끝납니다.</translation>
    </message>
  </context>
  <context>
    <name>RecoveryDialog</name>
    <message>
      <source>Recover Unsaved Articles</source>
      <translation>저장하지 못한 기사 복구</translation>
    </message>
    <message>
      <source>Article Editor closed before these articles were saved. Restore them to keep working, or discard them.</source>
      <translation>기사 편집기가 이 기사들을 저장하기 전에 닫혔습니다. 복구해서 이어 쓰거나 버리세요.</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>복구</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>버리기</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>나중에</translation>
    </message>
    <message>
      <source>Headline</source>
      <translation>제목</translation>
    </message>
    <message>
      <source>Last autosaved</source>
      <translation>마지막 자동 저장</translation>
    </message>
    <message>
      <source>File</source>
      <translation>파일</translation>
    </message>
    <message>
      <source>Untitled article</source>
      <translation>제목 없는 기사</translation>
    </message>
    <message>
      <source>Never saved</source>
      <translation>저장한 적 없음</translation>
    </message>
    <message>
      <source>Could not restore the draft</source>
      <translation>임시 저장본을 복구할 수 없습니다</translation>
    </message>
  </context>
  <context>
    <name>ChecklistPanel</name>
    <message>
      <source>Fix: {wrong} → {fix}</source>
      <translation>고치기: {wrong} → {fix}</translation>
    </message>
    <message>
      <source>Check Again</source>
      <translation>다시 점검</translation>
    </message>
    <message>
      <source>Run every rule now, measuring the headline on a phone</source>
      <translation>지금 모든 항목을 점검하고, 휴대폰에서 제목 줄 수를 잽니다</translation>
    </message>
    <message>
      <source>Ready to publish: no problems found.</source>
      <translation>발행 준비 완료: 문제가 없습니다.</translation>
    </message>
    <message>
      <source>{errors} error(s) · {warnings} warning(s) · {hints} hint(s)</source>
      <translation>오류 {errors} · 경고 {warnings} · 참고 {hints}</translation>
    </message>
    <message>
      <source>Headline on a 360 px phone: {lines} line(s), measured.</source>
      <translation>360px 휴대폰에서 제목: {lines}줄 (실측)</translation>
    </message>
    <message>
      <source>Headline on a phone: not measured yet (Check Again measures it).</source>
      <translation>휴대폰 제목 줄 수: 아직 재지 않음 (‘다시 점검’을 누르면 잽니다)</translation>
    </message>
  </context>
  <context>
    <name>NotesPanel</name>
    <message>
      <source>Show resolved</source>
      <translation>해결된 메모 보기</translation>
    </message>
    <message>
      <source>Write a note on the selected passage, or a reply</source>
      <translation>선택한 대목에 남길 메모나 답글을 쓰세요</translation>
    </message>
    <message>
      <source>Add Note</source>
      <translation>메모 달기</translation>
    </message>
    <message>
      <source>Reply</source>
      <translation>답글</translation>
    </message>
    <message>
      <source>Resolve</source>
      <translation>해결</translation>
    </message>
    <message>
      <source>Reopen</source>
      <translation>다시 열기</translation>
    </message>
    <message>
      <source>(no name)</source>
      <translation>(이름 없음)</translation>
    </message>
    <message>
      <source>[resolved]</source>
      <translation>[해결됨]</translation>
    </message>
    <message>
      <source>⚠ passage no longer in the text</source>
      <translation>⚠ 해당 대목이 본문에서 사라짐</translation>
    </message>
    <message>
      <source>New note on {field} “{quote}”</source>
      <translation>새 메모 위치: {field} “{quote}”</translation>
    </message>
    <message>
      <source>Select a passage in the form or the body, then write the note.</source>
      <translation>양식이나 본문에서 대목을 선택한 뒤 메모를 쓰세요.</translation>
    </message>
  </context>
  <context>
    <name>ReviewController</name>
    <message>
      <source>The passage has changed since the check: check again.</source>
      <translation>점검한 뒤 글이 바뀌었습니다. 다시 점검해 주세요.</translation>
    </message>
    <message>
      <source>Signed as {name} ({role})</source>
      <translation>서명: {name} ({role})</translation>
    </message>
    <message>
      <source>Your &amp;Name and Role…</source>
      <translation>내 이름과 역할(&amp;N)…</translation>
    </message>
    <message>
      <source>desk editor</source>
      <translation>데스크</translation>
    </message>
    <message>
      <source>reporter</source>
      <translation>기자</translation>
    </message>
    <message>
      <source>Review Notes</source>
      <translation>검토 메모</translation>
    </message>
    <message>
      <source>Pre-publish Checklist</source>
      <translation>발행 전 점검</translation>
    </message>
    <message>
      <source>Your name (signs notes and saves)</source>
      <translation>내 이름 (메모·저장에 남음)</translation>
    </message>
    <message>
      <source>What this save changes (optional)</source>
      <translation>이번 저장 내용 (선택)</translation>
    </message>
    <message>
      <source>&amp;Review</source>
      <translation>검토(&amp;R)</translation>
    </message>
    <message>
      <source>Add &amp;Note on Selection</source>
      <translation>선택한 대목에 메모(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Check Before Publishing</source>
      <translation>발행 전 점검(&amp;C)</translation>
    </message>
    <message>
      <source>Revision &amp;History…</source>
      <translation>수정 이력(&amp;H)…</translation>
    </message>
    <message>
      <source>Review &amp;Mode</source>
      <translation>검토 모드(&amp;M)</translation>
    </message>
    <message>
      <source>The passage of this note is no longer in the text.</source>
      <translation>이 메모가 가리키던 대목이 더는 본문에 없습니다.</translation>
    </message>
  </context>
  <context>
    <name>ReviewFields</name>
    <message>
      <source>Headline</source>
      <translation>제목</translation>
    </message>
    <message>
      <source>Subhead</source>
      <translation>부제</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>요약</translation>
    </message>
    <message>
      <source>Body</source>
      <translation>본문</translation>
    </message>
    <message>
      <source>Lead image</source>
      <translation>대표 사진</translation>
    </message>
    <message>
      <source>Alt text</source>
      <translation>대체 텍스트</translation>
    </message>
    <message>
      <source>Caption</source>
      <translation>사진 설명</translation>
    </message>
    <message>
      <source>Photo credit</source>
      <translation>사진 출처</translation>
    </message>
    <message>
      <source>Reporters</source>
      <translation>기자</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>섹션</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>태그</translation>
    </message>
    <message>
      <source>Slug</source>
      <translation>슬러그</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>상태</translation>
    </message>
  </context>
  <context>
    <name>ReviewStatus</name>
    <message>
      <source>Draft</source>
      <translation>작성 중</translation>
    </message>
    <message>
      <source>Ready for desk</source>
      <translation>데스크 검토 요청</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>승인됨</translation>
    </message>
    <message>
      <source>Approved by {who}, {when}</source>
      <translation>승인됨 — {who}, {when}</translation>
    </message>
    <message>
      <source>Approval unverified ({who}, {when})</source>
      <translation>확인되지 않은 승인 ({who}, {when})</translation>
    </message>
  </context>
  <context>
    <name>RevisionsDialog</name>
    <message>
      <source>Revision History</source>
      <translation>수정 이력</translation>
    </message>
    <message>
      <source>Since the Desk Last Saw It</source>
      <translation>데스크가 마지막으로 본 뒤</translation>
    </message>
    <message>
      <source>Restore Older Revision</source>
      <translation>이전 판 되살리기</translation>
    </message>
    <message>
      <source>Changes by Field</source>
      <translation>항목별 변경</translation>
    </message>
    <message>
      <source>Changes on the Page</source>
      <translation>기사 화면에서 보기</translation>
    </message>
    <message>
      <source>Compare</source>
      <translation>비교</translation>
    </message>
    <message>
      <source>Now (including unsaved changes)</source>
      <translation>지금 (저장 안 한 변경 포함)</translation>
    </message>
    <message>
      <source>(no name)</source>
      <translation>(이름 없음)</translation>
    </message>
    <message>
      <source>  [desk]</source>
      <translation>  [데스크]</translation>
    </message>
    <message>
      <source>Restored the revision of {when}.</source>
      <translation>{when} 판을 되살렸습니다.</translation>
    </message>
    <message>
      <source>No differences.</source>
      <translation>차이가 없습니다.</translation>
    </message>
    <message>
      <source>added</source>
      <translation>추가</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation>삭제</translation>
    </message>
  </context>
  <context>
    <name>StatusFlow</name>
    <message>
      <source>&amp;Submit to Desk</source>
      <translation>데스크에 송고(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Approve</source>
      <translation>승인(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Return to Reporter</source>
      <translation>기자에게 반려(&amp;R)</translation>
    </message>
    <message>
      <source>This article was approved; the edit sends it back to the desk for review.</source>
      <translation>승인된 기사를 고쳐서 데스크 검토 단계로 되돌렸습니다.</translation>
    </message>
  </context>
  <context>
    <name>checklist</name>
    <message>
      <source>Sensitive wording “{wrong}”: {advice}</source>
      <translation>주의할 표현 “{wrong}”: {advice}</translation>
    </message>
    <message>
      <source>The headline is empty.</source>
      <translation>제목이 비어 있습니다.</translation>
    </message>
    <message>
      <source>The headline has {length} characters; the site warns from {limit}.</source>
      <translation>제목이 {length}자입니다. 사이트 기준은 {limit}자부터 경고입니다.</translation>
    </message>
    <message>
      <source>The headline has {length} characters; {limit} fit one line on PC.</source>
      <translation>제목이 {length}자입니다. PC에서 한 줄에 {limit}자까지 들어갑니다.</translation>
    </message>
    <message>
      <source>On a 360 px phone the headline takes {lines} lines; aim for {limit}.</source>
      <translation>360px 휴대폰에서 제목이 {lines}줄입니다. {limit}줄 이내로 줄이세요.</translation>
    </message>
    <message>
      <source>The headline reads like clickbait (a trailing ? or 충격).</source>
      <translation>제목이 낚시성으로 읽힙니다 (끝의 ? 또는 ‘충격’).</translation>
    </message>
    <message>
      <source>The headline contains a line break.</source>
      <translation>제목에 줄바꿈이 들어 있습니다.</translation>
    </message>
    <message>
      <source>There is no subhead.</source>
      <translation>부제가 없습니다.</translation>
    </message>
    <message>
      <source>The body is empty.</source>
      <translation>본문이 비어 있습니다.</translation>
    </message>
    <message>
      <source>There is no lead image.</source>
      <translation>대표 사진이 없습니다.</translation>
    </message>
    <message>
      <source>The lead image has no alt text for readers who cannot see it.</source>
      <translation>대표 사진에 대체 텍스트가 없습니다 (사진을 볼 수 없는 독자용).</translation>
    </message>
    <message>
      <source>The lead image has no caption.</source>
      <translation>대표 사진에 설명이 없습니다.</translation>
    </message>
    <message>
      <source>The lead image has no credit.</source>
      <translation>대표 사진에 출처가 없습니다.</translation>
    </message>
    <message>
      <source>The body should open with the credit, e.g. {example}.</source>
      <translation>본문은 {example} 같은 크레딧으로 시작해야 합니다.</translation>
    </message>
    <message>
      <source>The image {path} is not in the document.</source>
      <translation>사진 {path}이(가) 문서에 없습니다.</translation>
    </message>
    <message>
      <source>No reporter is named.</source>
      <translation>기자 이름이 없습니다.</translation>
    </message>
    <message>
      <source>The e-mail address {email!r} does not look valid.</source>
      <translation>전자우편 주소 {email!r}이(가) 올바르지 않아 보입니다.</translation>
    </message>
    <message>
      <source>The slug should hold only lowercase letters, digits and hyphens.</source>
      <translation>슬러그에는 영문 소문자, 숫자, 하이픈만 쓰세요.</translation>
    </message>
    <message>
      <source>The lead image is {width} px wide; share cards need {limit} px.</source>
      <translation>대표 사진 너비가 {width}px입니다. 공유 카드에는 {limit}px가 필요합니다.</translation>
    </message>
    <message>
      <source>The body has {length} characters; the site expects at least {limit}.</source>
      <translation>본문이 {length}자입니다. 사이트 기준은 {limit}자 이상입니다.</translation>
    </message>
    <message>
      <source>The closing line should read “{line}”.</source>
      <translation>맺음 줄은 “{line}”(으)로 써야 합니다.</translation>
    </message>
    <message>
      <source>The HTML tag {tag} is removed; its words stay.</source>
      <translation>HTML 태그 {tag}은(는) 지워지고 그 안의 글은 남습니다.</translation>
    </message>
    <message>
      <source>The HTML {tag} is removed with everything in it: {passage}</source>
      <translation>HTML {tag}은(는) 안의 내용과 함께 지워집니다: {passage}</translation>
    </message>
    <message>
      <source>{tag} is no HTML tag: it is shown as typed.</source>
      <translation>{tag}은(는) HTML 태그가 아니어서 입력한 그대로 보입니다.</translation>
    </message>
    <message>
      <source>The {lines} lines above “{underline}” become one heading; leave a blank line above it for a dividing rule.</source>
      <translation>“{underline}” 위의 {lines}줄은 하나의 제목이 됩니다. 구분선을 넣으려면 그 위에 빈 줄을 두세요.</translation>
    </message>
    <message>
      <source>The caption “{caption}” shows under the image in the preview and the HTML export; the Markdown export keeps it as the image's title only.</source>
      <translation>사진 설명 “{caption}”은(는) 미리보기와 HTML 내보내기에서는 사진 아래에 보이지만, Markdown 내보내기에서는 사진의 title로만 남습니다.</translation>
    </message>
    <message>
      <source>The link “{text}” points nowhere valid ({target}).</source>
      <translation>링크 “{text}”의 주소가 올바르지 않습니다 ({target}).</translation>
    </message>
    <message>
      <source>A placeholder is left in: {text}</source>
      <translation>임시 표기가 남아 있습니다: {text}</translation>
    </message>
    <message>
      <source>House style: write “{right}”, not “{wrong}”.</source>
      <translation>표기 원칙: “{wrong}” 대신 “{right}”(으)로 쓰세요.</translation>
    </message>
    <message>
      <source>A sentence of {length} characters; consider splitting it (over {limit}).</source>
      <translation>{length}자짜리 문장입니다. 나눠 보세요 ({limit}자 초과).</translation>
    </message>
    <message>
      <source>{path}: {error}</source>
      <translation>{path}: {error}</translation>
    </message>
    <message>
      <source>{path} still carries GPS coordinates (exports strip them).</source>
      <translation>{path}에 GPS 좌표가 남아 있습니다 (내보낼 때 지워집니다).</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>오류</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>경고</translation>
    </message>
    <message>
      <source>Hint</source>
      <translation>참고</translation>
    </message>
  </context>
  <context>
    <name>AboutDialog</name>
    <message>
      <source>About Article Editor</source>
      <translation>기사 편집기 정보</translation>
    </message>
    <message>
      <source>Notices</source>
      <translation>고지</translation>
    </message>
    <message>
      <source>Licence texts</source>
      <translation>라이선스 전문</translation>
    </message>
    <message>
      <source>Qt and Qt for Python (LGPL)</source>
      <translation>Qt와 Qt for Python (LGPL)</translation>
    </message>
    <message>
      <source>Bundled software and fonts</source>
      <translation>함께 배포하는 소프트웨어와 글꼴</translation>
    </message>
    <message>
      <source>The Pretendard font is licensed under the SIL Open Font License 1.1 (OFL-1.1).</source>
      <translation>Pretendard 글꼴은 SIL Open Font License 1.1(OFL-1.1)에 따라 배포됩니다.</translation>
    </message>
    <message>
      <source>The Qt libraries are separate shared libraries in the app folder (_internal/PySide6 on Windows and Linux, Contents/Frameworks on macOS). You may replace them with your own build of the same Qt version to relink the app; nothing in the app prevents it.</source>
      <translation>Qt 라이브러리는 앱 폴더 안의 별도 공유 라이브러리입니다(Windows와 Linux는 _internal/PySide6, macOS는 Contents/Frameworks). 같은 버전의 Qt를 직접 빌드해 바꿔 넣어 앱을 다시 링크할 수 있으며, 앱은 이를 막지 않습니다.</translation>
    </message>
    <message>
      <source>The full texts of the LGPLv3 and the GPLv3 are on the Licence texts tab.</source>
      <translation>LGPLv3와 GPLv3 전문은 ‘라이선스 전문’ 탭에 있습니다.</translation>
    </message>
    <message>
      <source>This app uses Qt {qt} and PySide6 (Qt for Python), licensed under the GNU Lesser General Public License version 3 (LGPLv3). Qt WebEngine contains Chromium, whose third-party notices are listed at {notices}.</source>
      <translation>이 앱은 GNU 약소 일반 공중 사용 허가서 3판(LGPLv3)에 따라 배포되는 Qt {qt}와 PySide6(Qt for Python)을 사용합니다. Qt WebEngine에는 Chromium이 들어 있으며, 그 제3자 고지는 {notices}에 있습니다.</translation>
    </message>
    <message>
      <source>The source code of Qt is available from {qt_src} and the source of PySide6 from {pyside_src} and {pyside_repo}. We did not modify them.</source>
      <translation>Qt 소스 코드는 {qt_src}에서, PySide6 소스는 {pyside_src}와 {pyside_repo}에서 받을 수 있습니다. 저희는 이를 수정하지 않았습니다.</translation>
    </message>
    <message>
      <source>Article Editor</source>
      <translation>기사 편집기</translation>
    </message>
    <message>
      <source>Write, preview and export articles for the site, offline.</source>
      <translation>인터넷 없이도 기사를 쓰고, 사이트 모습으로 미리 보고, 내보냅니다.</translation>
    </message>
    <message>
      <source>The licence text is not bundled; see {url}</source>
      <translation>라이선스 전문이 포함되어 있지 않습니다. {url}을 참고하세요.</translation>
    </message>
    <message>
      <source>Version {version}</source>
      <translation>버전 {version}</translation>
    </message>
  </context>
  <context>
    <name>FindBar</name>
    <message>
      <source>Find</source>
      <translation>찾기</translation>
    </message>
    <message>
      <source>Replace with</source>
      <translation>바꿀 내용</translation>
    </message>
    <message>
      <source>Match case</source>
      <translation>대소문자 구분</translation>
    </message>
    <message>
      <source>Whole word</source>
      <translation>단어 단위</translation>
    </message>
    <message>
      <source>Regular expression</source>
      <translation>정규식</translation>
    </message>
    <message>
      <source>Previous match</source>
      <translation>이전 항목</translation>
    </message>
    <message>
      <source>Next match</source>
      <translation>다음 항목</translation>
    </message>
    <message>
      <source>Replace</source>
      <translation>바꾸기</translation>
    </message>
    <message>
      <source>Replace All</source>
      <translation>모두 바꾸기</translation>
    </message>
    <message>
      <source>Close (Esc)</source>
      <translation>닫기 (Esc)</translation>
    </message>
    <message>
      <source>Invalid pattern</source>
      <translation>잘못된 패턴</translation>
    </message>
    <message>
      <source>No matches</source>
      <translation>찾는 내용 없음</translation>
    </message>
    <message>
      <source>{n} of {total}</source>
      <translation>{total}개 중 {n}번째</translation>
    </message>
  </context>
  <context>
    <name>IdentityDialog</name>
    <message>
      <source>Desk editor (approves articles)</source>
      <translation>데스크 (기사 승인)</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>이메일</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>이름</translation>
    </message>
    <message>
      <source>New articles carry this name as their byline; notes, saves and approvals are signed with it. Only a desk editor can approve an article.</source>
      <translation>새 기사의 바이라인에 이 이름이 들어가고, 메모·저장·승인에도 이 이름이 남습니다. 기사 승인은 데스크만 할 수 있습니다.</translation>
    </message>
    <message>
      <source>Reporter</source>
      <translation>기자</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>역할</translation>
    </message>
    <message>
      <source>Who Is Writing</source>
      <translation>사용자 정보</translation>
    </message>
  </context>
  <context>
    <name>ConflictDialog</name>
    <message>
      <source>Edited on the web</source>
      <translation>웹에서 수정됨</translation>
    </message>
    <message>
      <source>“{headline}” was changed at {where} since it was last sent. Marked below: what sending now would change in the web's copy.</source>
      <translation>“{headline}” 기사는 마지막으로 보낸 뒤 {where}에서 수정되었습니다. 아래 표시는 지금 보내면 웹의 기사에서 바뀔 부분입니다.</translation>
    </message>
    <message>
      <source>Keep Theirs</source>
      <translation>웹 수정본 유지</translation>
    </message>
    <message>
      <source>Overwrite</source>
      <translation>덮어쓰기</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>취소</translation>
    </message>
  </context>
  <context>
    <name>OutboxWindow</name>
    <message>
      <source>Outbox</source>
      <translation>출고 대기함</translation>
    </message>
    <message>
      <source>Article</source>
      <translation>기사</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>보낼 곳</translation>
    </message>
    <message>
      <source>State</source>
      <translation>상태</translation>
    </message>
    <message>
      <source>Where / why</source>
      <translation>주소 / 사유</translation>
    </message>
    <message>
      <source>Send Now</source>
      <translation>지금 보내기</translation>
    </message>
    <message>
      <source>Resolve…</source>
      <translation>해결…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>삭제</translation>
    </message>
    <message>
      <source>Queued</source>
      <translation>대기 중</translation>
    </message>
    <message>
      <source>Sending</source>
      <translation>보내는 중</translation>
    </message>
    <message>
      <source>Sent</source>
      <translation>보냄</translation>
    </message>
    <message>
      <source>Edited on the web</source>
      <translation>웹에서 수정됨</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>실패</translation>
    </message>
  </context>
  <context>
    <name>PasteKitPanel</name>
    <message>
      <source>Paste Kit</source>
      <translation>붙여넣기 도우미</translation>
    </message>
    <message>
      <source>Copy each field in turn and paste it into the CMS form.</source>
      <translation>항목을 차례로 복사해 CMS 입력 화면에 붙여 넣으세요.</translation>
    </message>
    <message>
      <source>Copy Next</source>
      <translation>다음 항목 복사</translation>
    </message>
    <message>
      <source>Save Photos…</source>
      <translation>사진 저장…</translation>
    </message>
    <message>
      <source>Headline</source>
      <translation>제목</translation>
    </message>
    <message>
      <source>Subhead</source>
      <translation>부제</translation>
    </message>
    <message>
      <source>Body</source>
      <translation>본문</translation>
    </message>
    <message>
      <source>Caption</source>
      <translation>사진 설명</translation>
    </message>
    <message>
      <source>Credit</source>
      <translation>사진 출처</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>태그</translation>
    </message>
    <message>
      <source>The paste kit could not be made</source>
      <translation>붙여넣기 도우미를 만들 수 없습니다</translation>
    </message>
    <message>
      <source>Photos, upload in this order: {names}</source>
      <translation>사진은 이 순서로 올리세요: {names}</translation>
    </message>
    <message>
      <source>No photos.</source>
      <translation>사진이 없습니다.</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>(비어 있음)</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>복사</translation>
    </message>
    <message>
      <source>Copied: {field}</source>
      <translation>복사함: {field}</translation>
    </message>
    <message>
      <source>Copy Next: {field}</source>
      <translation>다음 복사: {field}</translation>
    </message>
    <message>
      <source>All fields copied</source>
      <translation>모든 항목을 복사했습니다</translation>
    </message>
    <message>
      <source>The photos were not saved</source>
      <translation>사진을 저장하지 못했습니다</translation>
    </message>
    <message>
      <source>Saved {count} photos and captions.txt in {folder}</source>
      <translation>사진 {count}장과 captions.txt를 {folder}에 저장했습니다</translation>
    </message>
  </context>
  <context>
    <name>PublishSettingsDialog</name>
    <message>
      <source>Publishing Settings</source>
      <translation>출고 설정</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>추가</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>삭제</translation>
    </message>
    <message>
      <source>WordPress</source>
      <translation>워드프레스</translation>
    </message>
    <message>
      <source>Git (Hugo or Jekyll site)</source>
      <translation>Git (Hugo·Jekyll 사이트)</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>종류</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>이름</translation>
    </message>
    <message>
      <source>Site address</source>
      <translation>사이트 주소</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>사용자 이름</translation>
    </message>
    <message>
      <source>Repository</source>
      <translation>저장소</translation>
    </message>
    <message>
      <source>Branch</source>
      <translation>브랜치</translation>
    </message>
    <message>
      <source>Content folder</source>
      <translation>기사 폴더</translation>
    </message>
    <message>
      <source>Application password (kept in the keyring)</source>
      <translation>애플리케이션 비밀번호 (키링에 보관)</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>비밀번호</translation>
    </message>
    <message>
      <source>Site layout</source>
      <translation>사이트 형식</translation>
    </message>
    <message>
      <source>The target is incomplete</source>
      <translation>보낼 곳 정보가 모자랍니다</translation>
    </message>
    <message>
      <source>Publishing settings were not saved</source>
      <translation>출고 설정을 저장하지 못했습니다</translation>
    </message>
  </context>
  <context>
    <name>PublishingController</name>
    <message>
      <source>No answer from the site; trying again at {time}.</source>
      <translation>사이트가 응답하지 않습니다. {time}에 다시 보냅니다.</translation>
    </message>
    <message>
      <source>The site refused the account or password. {words}</source>
      <translation>사이트가 계정이나 비밀번호를 거부했습니다. {words}</translation>
    </message>
    <message>
      <source>Edited on the web since it was sent; nothing was overwritten.</source>
      <translation>보낸 뒤 웹에서 수정되어 덮어쓰지 않았습니다.</translation>
    </message>
    <message>
      <source>&amp;Publish</source>
      <translation>출고(&amp;P)</translation>
    </message>
    <message>
      <source>Publish to {target}</source>
      <translation>{target}(으)로 출고</translation>
    </message>
    <message>
      <source>Publish…</source>
      <translation>출고…</translation>
    </message>
    <message>
      <source>Paste &amp;Kit…</source>
      <translation>붙여넣기 도우미(&amp;K)…</translation>
    </message>
    <message>
      <source>&amp;Outbox</source>
      <translation>출고 대기함(&amp;O)</translation>
    </message>
    <message>
      <source>Publishing &amp;Settings…</source>
      <translation>출고 설정(&amp;S)…</translation>
    </message>
    <message>
      <source>No publish target</source>
      <translation>보낼 곳이 없습니다</translation>
    </message>
    <message>
      <source>Add a WordPress site or a Git repository in Publishing Settings first.</source>
      <translation>먼저 출고 설정에서 워드프레스 사이트나 Git 저장소를 추가하세요.</translation>
    </message>
    <message>
      <source>The record was not saved</source>
      <translation>출고 기록을 저장하지 못했습니다</translation>
    </message>
    <message>
      <source>Publishing “{headline}”…</source>
      <translation>“{headline}” 출고 중…</translation>
    </message>
    <message>
      <source>Published: {url}</source>
      <translation>출고됨: {url}</translation>
    </message>
    <message>
      <source>Not published: {reason}</source>
      <translation>출고 안 됨: {reason}</translation>
    </message>
    <message>
      <source>Outbox: {count} waiting</source>
      <translation>출고 대기함: {count}건 대기</translation>
    </message>
  </context>
  <context>
    <name>PreviewControls</name>
    <message>
      <source>Actual Fit (Ctrl+0)</source>
      <translation>맞춤 크기로 (Ctrl+0)</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>맞춤</translation>
    </message>
    <message>
      <source>Fit Column</source>
      <translation>본문 폭 맞춤</translation>
    </message>
    <message>
      <source>Own Window</source>
      <translation>새 창</translation>
    </message>
    <message>
      <source>Show the preview in its own window</source>
      <translation>미리보기를 별도 창으로 띄웁니다</translation>
    </message>
    <message>
      <source>Whole Page</source>
      <translation>페이지 전체</translation>
    </message>
    <message>
      <source>Zoom In (Ctrl++)</source>
      <translation>확대 (Ctrl++)</translation>
    </message>
    <message>
      <source>Zoom Out (Ctrl+−)</source>
      <translation>축소 (Ctrl+−)</translation>
    </message>
  </context>
  <context>
    <name>PreviewWindow</name>
    <message>
      <source>Bring It Back</source>
      <translation>원래 자리로</translation>
    </message>
    <message>
      <source>Full Screen</source>
      <translation>전체 화면</translation>
    </message>
    <message>
      <source>The preview is in its own window.</source>
      <translation>미리보기가 별도 창에 떠 있습니다.</translation>
    </message>
  </context>
  <context>
    <name>SpellContextMenu</name>
    <message>
      <source>Looking for suggestions…</source>
      <translation>추천 단어를 찾는 중…</translation>
    </message>
    <message>
      <source>Add “{word}” to My Dictionary</source>
      <translation>“{word}”을(를) 내 사전에 추가</translation>
    </message>
    <message>
      <source>Ignore “{word}” in This Article</source>
      <translation>이 기사에서 “{word}” 무시</translation>
    </message>
    <message>
      <source>No suggestions</source>
      <translation>추천 단어 없음</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <source>Article Editor</source>
      <translation>기사 편집기</translation>
    </message>
  </context>
  <context>
    <name>StyleMarks</name>
    <message>
      <source>Write “{fix}” ({rule})</source>
      <translation>“{fix}”(으)로 고치기 ({rule})</translation>
    </message>
  </context>
  <context>
    <name>AssignmentPanel</name>
    <message>
      <source>Search and browser tab; empty: the headline</source>
      <translation>검색 결과와 브라우저 탭 제목 (비우면 제목)</translation>
    </message>
    <message>
      <source>Share cards; empty: the headline</source>
      <translation>SNS 공유 카드 제목 (비우면 제목)</translation>
    </message>
    <message>
      <source>none</source>
      <translation>없음</translation>
    </message>
    <message>
      <source>manuscript pages (200 chars)</source>
      <translation>매 (200자 원고지)</translation>
    </message>
    <message>
      <source>characters</source>
      <translation>자</translation>
    </message>
    <message>
      <source>Embargo until</source>
      <translation>엠바고</translation>
    </message>
    <message>
      <source>Web title</source>
      <translation>웹(검색) 제목</translation>
    </message>
    <message>
      <source>Social title</source>
      <translation>SNS 제목</translation>
    </message>
    <message>
      <source>Length target</source>
      <translation>분량 목표</translation>
    </message>
    <message>
      <source>{n}/{limit} chars</source>
      <translation>{n}/{limit}자</translation>
    </message>
  </context>
  <context>
    <name>ArticleForm</name>
    <message>
      <source>Assignment (from the desk)</source>
      <translation>데스크 지시</translation>
    </message>
  </context>
  <context>
    <name>ArticleStatusBar</name>
    <message>
      <source>Target {goal} chars: {done} ({percent}%)</source>
      <translation>목표 {goal}자 중 {done}자 ({percent}%)</translation>
    </message>
    <message>
      <source>Target {goal} pages: {done} ({percent}%)</source>
      <translation>목표 {goal}매 중 {done}매 ({percent}%)</translation>
    </message>
  </context>
  <context>
    <name>checklist</name>
    <message>
      <source>The body is {done}{unit} of the {goal}{unit} assigned ({percent}%): under the target by more than {tolerance}%.</source>
      <translation>본문이 목표 {goal}{unit} 중 {done}{unit}입니다({percent}%). 목표보다 {tolerance}% 넘게 모자랍니다.</translation>
    </message>
    <message>
      <source>The body is {done}{unit} of the {goal}{unit} assigned ({percent}%): over the target by more than {tolerance}%.</source>
      <translation>본문이 목표 {goal}{unit} 중 {done}{unit}입니다({percent}%). 목표보다 {tolerance}% 넘게 깁니다.</translation>
    </message>
    <message>
      <source>The web title has {length} characters; the site allows {limit}.</source>
      <translation>웹(검색) 제목이 {length}자입니다. 사이트 기준은 {limit}자까지입니다.</translation>
    </message>
    <message>
      <source>The social title has {length} characters; the site allows {limit}.</source>
      <translation>SNS 제목이 {length}자입니다. 사이트 기준은 {limit}자까지입니다.</translation>
    </message>
    <message>
      <source>Embargoed until {time}: exports are marked as not for publication until then.</source>
      <translation>{time}까지 엠바고입니다. 그때까지 내보내기는 모두 비공개(초안, 보류)로 표시됩니다.</translation>
    </message>
  </context>
  <context>
    <name>ReviewFields</name>
    <message>
      <source>Web title</source>
      <translation>웹(검색) 제목</translation>
    </message>
    <message>
      <source>Social title</source>
      <translation>SNS 제목</translation>
    </message>
    <message>
      <source>Embargo</source>
      <translation>엠바고</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Embargoed article</source>
      <translation>엠바고 기사</translation>
    </message>
    <message>
      <source>This article is under embargo until {time}. The export is marked as not for publication (draft, withheld) until then; export it again after the embargo to publish it.</source>
      <translation>이 기사는 {time}까지 엠바고입니다. 내보낸 묶음은 그때까지 비공개(초안, 보류)로 표시됩니다. 엠바고가 풀린 뒤 다시 내보내야 게재됩니다.</translation>
    </message>
  </context>
  <context>
    <name>PublishingController</name>
    <message>
      <source>Sent, held back until {time} (embargo): {url}</source>
      <translation>전송됨, {time}까지 엠바고로 보류: {url}</translation>
    </message>
  </context>
</TS>